import D2L
import Foundation

extension Walk {
  /// A prerequisite of `--step` or `--from`, run without printing.
  func runQuietly(_ entry: LessonPlan.Entry) throws {
    output.quiet = true
    defer { output.quiet = false }
    Console.write(tr("step.quietly", ["id": entry.step.id]) + "\n")
    let index = plan.entries.firstIndex { $0.step.id == entry.step.id }!
    try recording(index) { try perform(index, cached: cachedResult(index)) { try run(index) } }
  }

  /// The step's header, its code (the learner's when edited), then what it printed: from the
  /// cache when nothing it depends on changed, unless `again` (`r`) asks to run it.
  func runStep(_ index: Int, again: Bool = false) throws {
    let entry = plan.entries[index]
    let edited = runner.editing?.isEdited(entry.step.id) ?? false
    let cached = again ? nil : cachedResult(index)
    output.width = renderer.width
    let note = cached.map(Walk.cachedNote) ?? (isStale(index) ? tr("step.staleAgain") : nil)
    let shortNote = cached.map(Walk.cachedShortNote)
    Console.write(header(index, edited: edited, note: note, shortNote: shortNote))
    if entry.step.showsCode {
      let code = edited ? runner.editing?.editedCode(entry.step.id) ?? entry.step.code : entry.step.code
      Console.write(renderer.renderCode(code, language: entry.step.language))
      Console.write(renderer.color ? "\u{1B}[2m  \(tr("step.output"))\u{1B}[0m\n" : "  \(tr("step.output"))\n")
    }
    do {
      try perform(index, cached: cached) {
        if edited, let editing = runner.editing {
          _ = try editing.runEdited(request(index))
        } else {
          try run(index)
        }
      }
    } catch let error as StepError {
      if let (file, reason) = error.missingData, !runner.indispensableData.contains(file), runner.skipsMissingData {
        throw SkippedStep(id: entry.step.id, file: file, reason: reason)
      }
      throw LessonError(file: plan.document.file, line: entry.step.line, reason: "step '\(entry.step.id)': \(error)")
    }
    Console.write("\n")
  }

  /// `── step 4/13 · scratch-stack · summary ───`, with `(edited)` after the id when it is,
  /// and a note (`cached · ran 10:32 in 54 s · r runs it again`) after that.
  func header(_ index: Int, edited: Bool, note: String? = nil, shortNote: String? = nil) -> String {
    let entry = plan.entries[index]
    let name = edited ? "\(entry.step.id) \(tr("step.edited"))" : entry.step.id
    var id = name + (note.map { " · " + $0 } ?? "")
    // The short note when the long one leaves the summary no room (a narrow terminal, a long
    // language); StepHeader cuts what still does not fit.
    let bare = tr("step.header", ["number": index + 1, "total": plan.entries.count, "id": id, "summary": ""])
    if let shortNote, LineFitter.columns(bare) > min(renderer.width, 100) - 12 { id = name + " · " + shortNote }
    return StepHeader.line(
      number: index + 1, total: plan.entries.count, id: id, summary: entry.definition.summary,
      width: renderer.width, color: renderer.color) + "\n"
  }

  /// Runs step `index` with its current values; any failure but an interruption or missing
  /// data becomes `FILE:LINE: step 'id': reason`.
  func run(_ index: Int) throws {
    let entry = plan.entries[index]
    do {
      StepOutput.running = output
      defer { StepOutput.running = nil }
      try entry.definition.run(output, values[index], results)
    } catch let error as StepError where error.missingData != nil {
      throw error
    } catch let error as LessonInterrupted {
      throw error
    } catch {
      // The library's errors in the learner's language.
      throw LessonError(file: plan.document.file, line: entry.step.line, reason: "step '\(entry.step.id)': \(LibraryErrorText.words(error))")
    }
  }
}
