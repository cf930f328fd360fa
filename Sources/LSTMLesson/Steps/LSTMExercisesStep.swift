import LessonEngine

/// The section's five exercises, and where this lesson answers each.
public enum LSTMExercisesStep: LessonStep {
  public static let id = "lstm-exercises"
  public static var summary: String { tr("exercises.summary") }
  public typealias Input = StepValues

  public static func run(_ values: StepValues, _ out: StepOutput) {
    for n in 1...5 {
      for line in LineFitter.paragraph(tr("exercises.item\(n)"), width: out.width, first: "  \(n). ", rest: "     ") {
        out.say(line)
      }
    }
  }
}
