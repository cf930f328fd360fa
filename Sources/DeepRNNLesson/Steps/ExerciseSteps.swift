import CourseKit
import LessonEngine

/// The chapter's four exercises, and how to do each one with this tool.
enum ExercisesStep: LessonStep {
  static let id = "exercises"
  static var summary: String { tr("exercises.summary") }
  typealias Input = StepValues

  static func run(_ values: StepValues, _ context: StepOutput) {
    for n in 1...4 {
      for line in LineFitter.paragraph(tr("exercises.item\(n)"), width: context.width, first: "  \(n). ", rest: "     ") {
        context.say(line)
      }
    }
    for line in LineFitter.paragraph(tr("exercises.depth"), width: context.width, first: "  ", rest: "     ") {
      context.say(line)
    }
    for line in LineFitter.paragraph(tr("exercises.sizes"), width: context.width, first: "     ", rest: "     ") {
      context.say(line)
    }
  }
}
