import LessonEngine
/// What can go wrong around the exercises, worded for the learner.
public enum ExerciseError: Error, CustomStringConvertible {
  case noSuchExercise(Int, count: Int)
  /// `check` or `reset` on an exercise that is an experiment.
  case notCode(number: Int, command: String, action: String)
  case packageNotFound(searched: [String])
  case unreadable(path: String, reason: String)
  case swiftNotRunnable(String)

  public var description: String {
    switch self {
    case .noSuchExercise(let n, let count):
      return tr("exerciseError.noSuch", ["number": n, "count": count])
    case .notCode(let n, let command, let action):
      return tr("exerciseError.notCode", ["number": n, "command": command, "action": tr("action.\(action)")])
    case .packageNotFound(let searched):
      return tr("exerciseError.noPackage") + "\n"
        + searched.map { "  " + $0 }.joined(separator: "\n")
        + "\n" + tr("exerciseError.noPackageFix")
    case .unreadable(let path, let reason):
      return tr("exerciseError.unreadable", ["path": path, "reason": reason])
    case .swiftNotRunnable(let reason):
      return tr("exerciseError.noSwift", ["reason": reason])
    }
  }
}
