import LessonEngine
/// The chapter's four exercises: rustlings' `info.toml` in Swift. Exercise 1 is code the learner
/// writes and `lessons check 1` verifies; exercises 2-4 are questions that only measurements
/// answer, run by `lessons experiment N`.
public struct ExerciseInfo {
  /// What doing the exercise means.
  public enum Kind {
    /// A file to fill in, checked by an executable of the exercises package.
    case code(CodeFiles)
    /// A measured experiment, run by a command.
    case experiment(command: String)
  }

  /// A code exercise's files, relative to the exercises package.
  public struct CodeFiles {
    /// The learner's file.
    public let file: String
    /// Its pristine copy, for `reset`.
    public let starter: String
    /// The project's answer, shown once the exercise is done.
    public let solution: String
    /// The executable product that checks the file.
    public let checker: String
  }

  public let number: Int
  /// The chapter's question, shortened.
  public let title: String
  public let kind: Kind
  /// What `lessons hint N` prints.
  public let hint: String
}

public enum ExerciseCatalog {
  /// The exercises, their titles and hints in the current language.
  public static var all: [ExerciseInfo] { [
    ExerciseInfo(
      number: 1, title: tr("exercise1.title"),
      kind: .code(ExerciseInfo.CodeFiles(
        file: "Sources/Exercise1/StackedRNN.swift", starter: "Starters/Exercise1/StackedRNN.swift",
        solution: "Solutions/Exercise1/StackedRNN.swift", checker: "check-exercise1")),
      hint: tr("exercise1.hint")),
    ExerciseInfo(
      number: 2, title: tr("exercise2.title"),
      kind: .experiment(command: "lessons experiment 2"),
      hint: tr("exercise2.hint")),
    ExerciseInfo(
      number: 3, title: tr("exercise3.title"),
      kind: .experiment(command: "lessons experiment 3"),
      hint: tr("exercise3.hint")),
    ExerciseInfo(
      number: 4, title: tr("exercise4.title"),
      kind: .experiment(command: "lessons experiment 4"),
      hint: tr("exercise4.hint")),
  ] }

  /// The exercise numbered `number`, or an error naming the valid ones.
  public static func exercise(_ number: Int) throws -> ExerciseInfo {
    guard let info = all.first(where: { $0.number == number }) else {
      throw ExerciseError.noSuchExercise(number)
    }
    return info
  }

  /// The files of code exercise `number`, or an error saying how to do that exercise instead
  /// (`action`: what the caller wanted to do, e.g. "check").
  public static func codeFiles(_ number: Int, for action: String) throws -> (ExerciseInfo, ExerciseInfo.CodeFiles) {
    let info = try exercise(number)
    switch info.kind {
    case .code(let files): return (info, files)
    case .experiment(let command): throw ExerciseError.notCode(number: number, command: command, action: action)
    }
  }
}
