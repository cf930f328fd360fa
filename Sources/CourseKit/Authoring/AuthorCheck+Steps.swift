import Foundation
import LessonEngine

extension AuthorCheck {
  /// Runs every step in lesson order, as the walk does (with the `quickValues` when `quick`):
  /// a step that throws is a problem at its line; one that lacks a book the lesson does not
  /// call indispensable is skipped, as in the walk.
  func runSteps(_ document: LessonDocument, log: (String) -> Void) -> [AuthorProblem] {
    let used = Set(document.steps.compactMap { lesson.catalog.definition($0.id) }.flatMap(\.parameters).map(\.name))
    let overrides = quick ? lesson.quickValues.filter { used.contains(String($0.prefix { $0 != "=" })) } : []
    let plan: LessonPlan
    do {
      plan = try LessonPlan(document: document, catalog: lesson.catalog, overrides: overrides)
    } catch let error as LessonError {
      return [AuthorProblem(file: error.file, line: error.line, reason: error.reason)]
    } catch {
      return [AuthorProblem(file: document.file, line: nil, reason: "\(error)")]
    }
    let output = StepOutput(color: false, width: 80)
    output.quiet = true
    let results = StepResults()
    let indispensable = Set(lesson.indispensableData.map(\.name))
    var problems: [AuthorProblem] = []
    for (k, entry) in plan.entries.enumerated() {
      let start = Date()
      let label = "step \(k + 1)/\(plan.entries.count) \(entry.step.id)"
      do {
        try entry.definition.run(output, entry.values, results)
        log("  ok    \(label) (\(String(format: "%.1f", Date().timeIntervalSince(start))) s)")
      } catch let error as StepError where Self.skips(error, indispensable: indispensable) {
        log("  skip  \(label): \(error.missingData!.file) is missing")
      } catch {
        log("  FAIL  \(label)")
        problems.append(AuthorProblem(file: document.file, line: entry.step.line, reason: "step '\(entry.step.id)' does not run: \(error)"))
      }
    }
    return problems
  }

  /// Whether the walk would skip the step that threw `error`: it lacks a book that is not
  /// indispensable.
  static func skips(_ error: StepError, indispensable: Set<String>) -> Bool {
    guard let missing = error.missingData else { return false }
    return !indispensable.contains(missing.file)
  }
}
