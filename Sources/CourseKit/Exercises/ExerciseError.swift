import LessonEngine

/// What can go wrong around the exercises, worded for the learner.
public enum ExerciseError: Error, CustomStringConvertible {
  /// `name` (`LESSON:N`) is not an exercise; `known` are the lesson's.
  case noSuchExercise(String, known: [String])
  /// An exercise's name that is not `N` or `LESSON:N`.
  case notANumber(String)
  /// A name no lesson or several lessons have.
  case name(CourseNameError)
  /// `check` or `reset` on an exercise that is an experiment.
  case notCode(name: String, command: String, action: String)
  case packageNotFound(searched: [String])
  case unreadable(path: String, reason: String)
  case swiftNotRunnable(String)

  public var description: String {
    switch self {
    case .noSuchExercise(let name, let known):
      return tr("exerciseError.noSuch", ["name": name, "known": known.joined(separator: ", ")])
    case .notANumber(let text):
      return tr("exerciseError.notANumber", ["value": text])
    case .name(let error):
      return error.description
    case .notCode(let name, let command, let action):
      return tr("exerciseError.notCode", ["name": name, "command": command, "action": tr("action.\(action)")])
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
