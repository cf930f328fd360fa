/// One exercise of a lesson: rustlings' `info.toml` in Swift. A code exercise is a file the
/// learner writes and `lessons check LESSON:N` verifies; an experiment is a question that only
/// measurements answer, run by a command.
public struct ExerciseInfo {
  /// What doing the exercise means.
  public enum Kind {
    /// A file to fill in (`file`, e.g. `StackedRNN.swift`), checked by an executable of the
    /// exercises package; its starter, solution and checker are in the lesson's folder
    /// (`CodeExercise`). `formerly`: where the learner's answer was in an older layout of the
    /// exercises package, if anywhere (it is moved from there).
    case code(file: String, formerly: String? = nil)
    /// A measured experiment, run by a command.
    case experiment(command: String)
  }

  public let number: Int
  /// The chapter's question, shortened.
  public let title: String
  public let kind: Kind
  /// What `lessons hint LESSON:N` prints.
  public let hint: String

  public init(number: Int, title: String, kind: Kind, hint: String) {
    self.number = number
    self.title = title
    self.kind = kind
    self.hint = hint
  }
}

extension Lesson {
  /// The files of code exercise `info` (nil for an experiment).
  public func codeExercise(_ info: ExerciseInfo) -> CodeExercise? {
    guard case .code(let file, let formerly) = info.kind else { return nil }
    return CodeExercise(lessonModule: module, number: info.number, fileName: file, formerFile: formerly)
  }

  /// `LESSON:N` for exercise `number`.
  public func exerciseName(_ number: Int) -> String { "\(name):\(number)" }
}
