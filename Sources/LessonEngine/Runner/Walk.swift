import D2L
import Foundation

/// One walk through a lesson: the steps' shared results, each step's current values (`s`
/// changes them), the prose shown so far, and the steps skipped for want of data.
final class Walk {
  let runner: LessonRunner
  let output: StepOutput
  let results = StepResults()
  var values: [StepValues]
  /// How many steps have been reached: prose is shown once, on the way forward.
  var furthest = 0
  var skipped: [SkippedStep] = []
  /// Each step's key, source and time (the cache, stale marking and the outline).
  let memory: WalkMemory
  /// The run record `lessons export` reads.
  lazy var recorder = RunRecorder(lesson: runner.lessonName)

  init(runner: LessonRunner) {
    self.runner = runner
    output = StepOutput(color: runner.renderer.color, width: runner.renderer.width)
    values = runner.plan.entries.map(\.values)
    memory = WalkMemory(count: runner.plan.entries.count)
  }

  var plan: LessonPlan { runner.plan }
  /// The renderer at the terminal's width now: after a resize the next prose, code and output
  /// fit the new width (what is printed stays as it was).
  var renderer: TerminalRenderer {
    guard runner.interactive else { return runner.renderer }
    var now = runner.renderer
    now.width = TerminalStyle.renderWidth(environment: ProcessInfo.processInfo.environment)
    return now
  }

  /// The prose between the previous step and step `index` (and, after the last step, the rest).
  func showProse(before index: Int) {
    for prose in proseBlocks(before: index) { Console.write(renderer.render(prose) + "\n") }
  }

  func finish() {
    for prose in proseBlocks(before: plan.entries.count) { Console.write(renderer.render(prose)) }
    if !skipped.isEmpty { Console.write("\n" + SkippedStep.summary(skipped, lesson: runner.lessonName) + "\n") }
    let warnings = LessonWarning.distinct(plan.document.warnings.filter(\.concernsReader))
    if !warnings.isEmpty { Console.write("\n" + LessonWarning.summary(warnings) + "\n") }
    if let note = closingNote() { Console.write("\n" + LineFitter.fitLines(note, width: min(renderer.width, 100)) + "\n") }
  }

  private func proseBlocks(before index: Int) -> [[MarkdownBlock]] {
    var stepsSeen = 0, blocks: [[MarkdownBlock]] = []
    for block in plan.document.blocks {
      switch block {
      case .prose(let prose) where stepsSeen == index: blocks.append(prose)
      case .step: stepsSeen += 1
      default: continue
      }
    }
    return blocks
  }

  enum Move: Equatable { case next, back, quit, go(Int) }

  /// Runs step `index`, then (on a terminal) acts on the learner's keys until they move on.
  func visit(_ index: Int) throws -> Move {
    try runOrSkip(index)
    guard runner.interactive else { return .next }
    while true {
      switch StepPrompt.ask(number: index + 1, of: plan.entries.count, color: renderer.color) {
      case .next: return .next
      case .back: return .back
      case .quit: return .quit
      case .rerun: try runOrSkip(index, again: true)
      case .set:
        let before = values[index]
        values[index] = ParameterPrompt.ask(plan.entries[index].definition.parameters, current: values[index])
        if values[index].all != before.all { try runOrSkip(index) }  // Enter on every value: nothing to run
      case .edit: edit(index)
      case .runStale: try runStale(upTo: index)
      case .outline: Console.write(outline(current: index).joined(separator: "\n") + "\n")
      case .go(let number): return .go(number - 1)
      }
    }
  }

  func runOrSkip(_ index: Int, again: Bool = false) throws {
    do {
      try recording(index) { try runStep(index, again: again) }
    } catch let skip as SkippedStep {
      Console.write(skip.block(color: renderer.color, width: renderer.width) + "\n")
      skipped.append(skip)
    }
  }

  /// `e`: the learner edits the step's code; it is built and run in the step's place.
  private func edit(_ index: Int) {
    let entry = plan.entries[index]
    guard let editing = runner.editing else { return Console.write("  \(tr("edit.off"))\n") }
    guard entry.step.showsCode else { return Console.write("  \(tr("edit.noCode", ["id": entry.step.id]))\n") }
    let start = Date()
    if editing.edit(request(index)) {
      memory.remember(index, key: key(index), source: .ran, seconds: Date().timeIntervalSince(start))
    }
  }

  func request(_ index: Int) -> StepEditRequest {
    StepEditRequest(
      entry: plan.entries[index], values: values[index], results: results, output: output,
      lessonFile: plan.document.file, overrides: plan.overrides)
  }
}
