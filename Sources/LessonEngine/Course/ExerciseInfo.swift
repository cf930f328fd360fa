/// One exercise of a lesson: rustlings' `info.toml` in Swift. A code exercise is a file the
/// learner writes and `lessons check N` verifies; an experiment is a question that only
/// measurements answer, run by a command.
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

    public init(file: String, starter: String, solution: String, checker: String) {
      self.file = file
      self.starter = starter
      self.solution = solution
      self.checker = checker
    }
  }

  public let number: Int
  /// The chapter's question, shortened.
  public let title: String
  public let kind: Kind
  /// What `lessons hint N` prints.
  public let hint: String

  public init(number: Int, title: String, kind: Kind, hint: String) {
    self.number = number
    self.title = title
    self.kind = kind
    self.hint = hint
  }
}
