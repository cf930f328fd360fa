import LessonEngine

/// The section's three exercises: each one's question (the exercise list's title) and where
/// this lesson answers it.
public enum BeamExercisesStep: LessonStep {
  public static let id = "beam-exercises"
  public static var summary: String { tr("exercises.summary") }
  public typealias Input = StepValues

  public static func run(_ values: StepValues, _ out: StepOutput) {
    for exercise in BeamSearchExercises.all {
      var question = exercise.title.prefix(1).uppercased() + exercise.title.dropFirst()
      if !question.hasSuffix("?") { question += "." }
      let text = question + " " + tr("exercises.item\(exercise.number)")
      LineFitter.paragraph(text, width: out.width, first: "  \(exercise.number). ", rest: "     ").forEach(out.say)
    }
  }
}
