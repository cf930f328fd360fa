import LessonEngine
/// What can go wrong around the exercises, worded for the learner.
public enum ExerciseError: Error, CustomStringConvertible {
  case noSuchExercise(Int)
  /// `check` or `reset` on an exercise that is an experiment.
  case notCode(number: Int, command: String, action: String)
  case packageNotFound(searched: [String])
  case unreadable(path: String, reason: String)
  case swiftNotRunnable(String)

  public var description: String {
    switch self {
    case .noSuchExercise(let n):
      return "there is no exercise \(n): the chapter's exercises are 1 to \(ExerciseCatalog.all.count) (`lessons exercises` lists them)"
    case .notCode(let n, let command, let action):
      return "exercise \(n) is a measured experiment, with nothing to \(action): run `\(command)`"
    case .packageNotFound(let searched):
      return "cannot find the exercises package (exercises/Package.swift); looked in:\n"
        + searched.map { "  " + $0 }.joined(separator: "\n")
        + "\nrun lessons from the d2l-swift folder, or pass --exercises <folder>"
    case .unreadable(let path, let reason):
      return "cannot read \(path): \(reason)"
    case .swiftNotRunnable(let reason):
      return "cannot run `swift` (is the Swift toolchain on PATH?): \(reason)"
    }
  }
}
