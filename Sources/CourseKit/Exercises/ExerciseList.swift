import LessonEngine
/// `lessons exercises`: every exercise with its status and what to run next.
public enum ExerciseList {
  /// The listing; `package` is nil when the exercises package was not found (then code
  /// exercises show no status).
  public static func render(lesson: Lesson, package: ExercisesPackage?) -> String {
    var lines = [tr("list.heading"), ""]
    var done = 0, code = 0
    let progress = package.map { ExerciseProgress.load(from: $0.progressFile) } ?? ExerciseProgress()
    for info in lesson.exercises() {
      let status: String, next: String
      switch info.kind {
      case .code(let files):
        code += 1
        if let package, let text = try? package.read(files.file), let starter = try? package.read(files.starter) {
          let s = ExerciseStatus.of(info.number, text: text, starter: starter, progress: progress)
          if s == .done { done += 1 }
          status = s.label
          next = s == .done
            ? tr("list.compare", ["file": package.display(files.solution)])
            : tr("list.edit", ["file": package.display(files.file), "number": info.number])
        } else {
          status = tr("status.unknown")
          next = tr("list.noPackage")
        }
      case .experiment(let command):
        status = ExerciseStatus.experiment.label
        next = tr("list.run", ["command": command])
      }
      lines.append("  \(info.number)  \(info.title)")
      lines.append("     [\(status)] \(next)")
    }
    lines.append("")
    lines.append(tr("list.progress", [
      "bar": ProgressLine.bar(Double(done) / Double(max(code, 1)), width: 20), "done": done, "count": code,
      "exercises": tr(code == 1 ? "list.exercise" : "list.exercises"),
    ]))
    return lines.flatMap { LineFitter.fit($0, width: 80) }.joined(separator: "\n")
  }

  /// The learner's progress on `lesson`'s code exercises: how many are done, of how many
  /// (nothing is done when the exercises package was not found).
  public static func progress(lesson: Lesson, package: ExercisesPackage?) -> (done: Int, count: Int) {
    let progress = package.map { ExerciseProgress.load(from: $0.progressFile) } ?? ExerciseProgress()
    var done = 0, count = 0
    for info in lesson.exercises() {
      guard case .code(let files) = info.kind else { continue }
      count += 1
      if let package, let text = try? package.read(files.file), let starter = try? package.read(files.starter),
         ExerciseStatus.of(info.number, text: text, starter: starter, progress: progress) == .done {
        done += 1
      }
    }
    return (done, count)
  }
}
