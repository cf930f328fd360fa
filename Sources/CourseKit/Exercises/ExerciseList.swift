import LessonEngine

/// `lessons exercises`: every exercise with its status and what to run next.
public enum ExerciseList {
  /// The listing of `lessons`' exercises; `package` is nil when the exercises package was not
  /// found (then code exercises show no status).
  public static func render(lessons: [Lesson], course: Course, package: ExercisesPackage?) -> String {
    var lines: [String] = []
    var done = 0, code = 0
    let progress = package.map { ExerciseProgress.load($0, course: course) } ?? ExerciseProgress()
    for lesson in lessons where !lesson.exercises().isEmpty {
      if !lines.isEmpty { lines.append("") }
      lines += [tr("list.heading", ["title": lesson.title, "lesson": lesson.name]), ""]
      for info in lesson.exercises() {
        let name = lesson.exerciseName(info.number)
        let status: String, next: String
        if let files = lesson.codeExercise(info) {
          code += 1
          if let package, let text = try? package.read(files.file), let starter = try? package.read(files.starter) {
            let s = ExerciseStatus.of(name, text: text, starter: starter, progress: progress)
            if s == .done { done += 1 }
            status = s.label
            next = s == .done
              ? tr("list.compare", ["file": package.display(files.solution)])
              : tr("list.edit", ["file": package.display(files.file), "number": name])
          } else {
            status = tr("status.unknown")
            next = tr("list.noPackage")
          }
        } else if case .experiment(let command) = info.kind {
          status = ExerciseStatus.experiment.label
          next = tr("list.run", ["command": command])
        } else {
          continue
        }
        // Wrapped here, so that the gap after the name stays two columns on a long title too.
        lines += LineFitter.paragraph(info.title, width: 80, first: "  \(name)  ", rest: "     ")
        lines.append("     [\(status)] \(next)")
      }
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
  public static func progress(lesson: Lesson, course: Course, package: ExercisesPackage?) -> (done: Int, count: Int) {
    let progress = package.map { ExerciseProgress.load($0, course: course) } ?? ExerciseProgress()
    var done = 0, count = 0
    for info in lesson.exercises() {
      guard let files = lesson.codeExercise(info) else { continue }
      count += 1
      if let package, let text = try? package.read(files.file), let starter = try? package.read(files.starter),
         ExerciseStatus.of(lesson.exerciseName(info.number), text: text, starter: starter, progress: progress) == .done {
        done += 1
      }
    }
    return (done, count)
  }
}
