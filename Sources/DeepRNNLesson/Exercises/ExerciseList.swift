import LessonEngine
/// `lessons exercises`: every exercise with its status and what to run next.
public enum ExerciseList {
  /// The listing; `package` is nil when the exercises package was not found (then code
  /// exercises show no status).
  public static func render(package: ExercisesPackage?) -> String {
    var lines = ["The chapter's exercises:", ""]
    var done = 0, code = 0
    let progress = package.map { ExerciseProgress.load(from: $0.progressFile) } ?? ExerciseProgress()
    for info in ExerciseCatalog.all {
      let status: String, next: String
      switch info.kind {
      case .code(let files):
        code += 1
        if let package, let text = try? package.read(files.file), let starter = try? package.read(files.starter) {
          let s = ExerciseStatus.of(info.number, text: text, starter: starter, progress: progress)
          if s == .done { done += 1 }
          status = s.label
          next = s == .done
            ? "compare with \(package.display(files.solution))"
            : "edit \(package.display(files.file)), then `lessons check \(info.number)`"
        } else {
          status = "unknown"
          next = "exercises package not found: run lessons from the d2l-swift folder"
        }
      case .experiment(let command):
        status = ExerciseStatus.experiment.label
        next = "run `\(command)`"
      }
      lines.append("  \(info.number)  \(info.title.padding(toLength: 58, withPad: " ", startingAt: 0)) \(status)")
      lines.append("     \(next)")
    }
    lines.append("")
    lines.append("Progress: \(ProgressLine.bar(Double(done) / Double(max(code, 1)), width: 20)) \(done)/\(code) checked exercise\(code == 1 ? "" : "s") done")
    return lines.joined(separator: "\n")
  }
}
