import ArgumentParser
import CourseKit
import Foundation
import LessonEngine

/// `lessons list`: the course in order, each lesson's steps and the learner's progress.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the course's lessons in order, their steps and your progress.")

  @OptionGroup var language: LanguageOption

  func run() throws {
    let lang = try language.apply().rawValue
    let package = try? ExercisesPackage.locate()
    for (number, lesson) in course.lessons.enumerated() {
      let options = try LessonOptions.parse([lesson.name, "--lang", lang])
      let plan = try options.loadPlan()
      Console.write(tr("command.lesson", [
        "number": number + 1, "name": lesson.name, "title": lesson.title, "file": plan.document.file,
        "count": plan.entries.count,
      ]) + "\n")
      let (done, count) = ExerciseList.progress(lesson: lesson, course: course, package: package)
      if count > 0 { Console.write("    " + tr("command.progress", ["done": done, "count": count]) + "\n") }
      // Ids padded to the lesson's longest (18 at least), never cut: a learner types them.
      let idWidth = max(18, plan.entries.map { LineFitter.columns($0.step.id) }.max() ?? 0)
      for (k, entry) in plan.entries.enumerated() {
        let id = entry.step.id + String(repeating: " ", count: idWidth - LineFitter.columns(entry.step.id))
        let head = String(format: "  %2d. ", k + 1) + id + " "
        let text = "\(entry.definition.summary)  [\(tr("command.line", ["line": entry.step.line]))]"
        let lines = LineFitter.paragraph(text, width: Console.width, first: head, rest: String(repeating: " ", count: head.count))
        Console.write(lines.joined(separator: "\n") + "\n")
      }
    }
  }
}
