import D2L
import Foundation

extension Walk {
  /// A prerequisite of `--step` or `--from`, run without printing.
  func runQuietly(_ entry: LessonPlan.Entry) throws {
    output.quiet = true
    defer { output.quiet = false }
    Console.write(tr("step.quietly", ["id": entry.step.id]) + "\n")
    let index = plan.entries.firstIndex { $0.step.id == entry.step.id }!
    try run(index)
  }

  /// The step's header, its code (the learner's when edited), then what it printed.
  func runStep(_ index: Int) throws {
    let entry = plan.entries[index]
    let edited = runner.editing?.isEdited(entry.step.id) ?? false
    Console.write(header(index, edited: edited))
    if entry.step.showsCode {
      let code = edited ? runner.editing?.editedCode(entry.step.id) ?? entry.step.code : entry.step.code
      Console.write(renderer.renderCode(code, language: entry.step.language))
      Console.write(renderer.color ? "\u{1B}[2m  \(tr("step.output"))\u{1B}[0m\n" : "  \(tr("step.output"))\n")
    }
    do {
      if edited, let editing = runner.editing {
        _ = try editing.runEdited(request(index))
      } else {
        try run(index)
      }
    } catch let error as StepError {
      if let (file, reason) = error.missingData, !runner.indispensableData.contains(file), runner.skipsMissingData {
        throw SkippedStep(id: entry.step.id, file: file, reason: reason)
      }
      throw LessonError(file: plan.document.file, line: entry.step.line, reason: "step '\(entry.step.id)': \(error)")
    }
    Console.write("\n")
  }

  /// `── step 4/13 · scratch-stack · summary ───`, with `(edited)` after the id when it is.
  func header(_ index: Int, edited: Bool) -> String {
    let entry = plan.entries[index]
    let id = edited ? "\(entry.step.id) \(tr("step.edited"))" : entry.step.id
    return StepHeader.line(
      number: index + 1, total: plan.entries.count, id: id, summary: entry.definition.summary,
      width: renderer.width, color: renderer.color) + "\n"
  }

  /// Runs step `index` with its current values; any failure but an interruption or missing
  /// data becomes `FILE:LINE: step 'id': reason`.
  func run(_ index: Int) throws {
    let entry = plan.entries[index]
    do {
      try entry.definition.run(output, values[index], results)
    } catch let error as StepError where error.missingData != nil {
      throw error
    } catch let error as LessonInterrupted {
      throw error
    } catch {
      throw LessonError(file: plan.document.file, line: entry.step.line, reason: "step '\(entry.step.id)': \(error)")
    }
  }
}
