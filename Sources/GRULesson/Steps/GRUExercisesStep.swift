import LessonEngine

/// The section's four exercises, and where this lesson does each.
public enum GRUExercisesStep: LessonStep {
  public static let id = "gru-exercises"
  public static var summary: String { tr("exercises.summary") }
  public typealias Input = StepValues

  public static func run(_ values: StepValues, _ out: StepOutput) {
    for n in 1...4 {
      for line in LineFitter.paragraph(tr("exercises.item\(n)"), width: out.width, first: "  \(n). ", rest: "     ") {
        out.say(line)
      }
    }
  }
}
