import LessonEngine

/// The section's two exercises, and where this lesson does each.
public enum MTExercisesStep: LessonStep {
  public static let id = "mt-exercises"
  public static var summary: String { tr("exercises.summary") }
  public typealias Input = StepValues

  public static func run(_ values: StepValues, _ out: StepOutput) {
    for n in 1...2 {
      for line in LineFitter.paragraph(tr("exercises.item\(n)"), width: out.width, first: "  \(n). ", rest: "     ") {
        out.say(line)
      }
    }
  }
}

/// The section's exercises for `lessons exercises --lesson machine-translation`: both are
/// answered by a step of the lesson, run on its own.
enum MTExercises {
  static var all: [ExerciseInfo] { [
    ExerciseInfo(
      number: 1, title: tr("exercise1.title"),
      kind: .experiment(command: "lessons run machine-translation --step mt-examples-sweep"), hint: tr("exercise1.hint")),
    ExerciseInfo(
      number: 2, title: tr("exercise2.title"),
      kind: .experiment(command: "lessons run machine-translation --step mt-no-spaces"), hint: tr("exercise2.hint")),
  ] }
}
