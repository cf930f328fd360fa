import D2L
import Foundation

/// Walks through a lesson: prose rendered for the terminal, then each step's code, run, and
/// output, like the cells of a notebook. On a terminal it pauses after every step (Enter or n:
/// next, r: run the step again, q: quit); otherwise it prints the whole transcript.
public struct LessonRunner {
  public let plan: LessonPlan
  public let renderer: TerminalRenderer
  public let interactive: Bool
  /// Whether a step that lacks a book (other than The Time Machine) is skipped rather than
  /// ending the walk: true for the whole walk, false for `--step`, which asked for that step.
  public var skipsMissingData = true

  public init(plan: LessonPlan, renderer: TerminalRenderer, interactive: Bool) {
    self.plan = plan
    self.renderer = renderer
    self.interactive = interactive
  }

  public enum Outcome { case finished, quit }

  /// Runs the whole lesson.
  @discardableResult
  public func run() throws -> Outcome {
    let context = StepContext(output: StepOutput(color: renderer.color, width: renderer.width), results: StepResults())
    let total = plan.entries.count
    var index = 0
    var pendingProse: [[MarkdownBlock]] = []
    var skipped: [SkippedStep] = []
    for block in plan.document.blocks {
      switch block {
      case .prose(let blocks):
        pendingProse.append(blocks)
      case .step:
        for prose in pendingProse { Console.write(renderer.render(prose) + "\n") }
        pendingProse = []
        let entry = plan.entries[index]
        index += 1
        var again = true
        while again {
          do {
            try runStep(entry, number: index, of: total, context: context)
          } catch let skip as SkippedStep {
            Console.write(skip.block(color: renderer.color, width: renderer.width) + "\n")
            skipped.append(skip)
          }
          again = false
          if interactive {
            switch prompt(number: index, of: total) {
            case .next: break
            case .rerun: again = true
            case .quit:
              Console.write("\n" + tr("step.stopped", ["number": index, "total": total, "lesson": lessonName, "id": entry.step.id]) + "\n")
              return .quit
            }
          }
        }
      }
    }
    for prose in pendingProse { Console.write(renderer.render(prose)) }
    if !skipped.isEmpty { Console.write("\n" + SkippedStep.summary(skipped, lesson: lessonName) + "\n") }
    return .finished
  }

  /// Runs `--step id`: its prerequisites quietly, then the step itself.
  public func run(step id: String) throws {
    var runner = self
    runner.skipsMissingData = false
    try runner.runOnly(step: id)
  }

  private func runOnly(step id: String) throws {
    let context = StepContext(output: StepOutput(color: renderer.color, width: renderer.width), results: StepResults())
    let entries = try plan.entries(upTo: id)
    for (k, entry) in entries.enumerated() {
      if k < entries.count - 1 {
        context.output.quiet = true
        Console.write(tr("step.quietly", ["id": entry.step.id]) + "\n")
        try run(entry, context)
        context.output.quiet = false
      } else {
        let number = (plan.entries.firstIndex { $0.step.id == id } ?? 0) + 1
        try runStep(entry, number: number, of: plan.entries.count, context: context)
      }
    }
  }

  private var lessonName: String {
    URL(fileURLWithPath: plan.document.file).deletingPathExtension().lastPathComponent
  }

  /// The step's header, its code (when the lesson shows it), then what it printed.
  private func runStep(_ entry: LessonPlan.Entry, number: Int, of total: Int, context: StepContext) throws {
    Console.write(StepHeader.line(
      number: number, total: total, id: entry.step.id, summary: entry.definition.summary,
      width: renderer.width, color: renderer.color) + "\n")
    if entry.step.showsCode {
      Console.write(renderer.renderCode(entry.step.code, language: entry.step.language))
      Console.write(renderer.color ? "\u{1B}[2m  \(tr("step.output"))\u{1B}[0m\n" : "  \(tr("step.output"))\n")
    }
    do {
      try run(entry, context)
    } catch let error as StepError {
      if let (file, reason) = error.missingData, file != DataFileSpec.timeMachine.name, skipsMissingData {
        throw SkippedStep(id: entry.step.id, file: file, reason: reason)
      }
      throw error
    }
    Console.write("\n")
  }

  /// Runs one step; any failure but an interruption becomes `FILE:LINE: step 'id': reason`.
  private func run(_ entry: LessonPlan.Entry, _ context: StepContext) throws {
    do {
      try entry.definition.run(context.output, entry.values, context.results)
    } catch let error as StepError where error.missingData != nil {
      throw error
    } catch let error as LessonInterrupted {
      throw error
    } catch {
      throw LessonError(file: plan.document.file, line: entry.step.line, reason: "step '\(entry.step.id)': \(error)")
    }
  }

  /// What one walk's steps share: where they print, and their results so far.
  private struct StepContext {
    let output: StepOutput
    let results: StepResults
  }

  enum Key { case next, rerun, quit }

  /// Waits for Enter/n, r or q; end of input counts as next.
  private func prompt(number: Int, of total: Int) -> Key {
    let text = tr("step.prompt", ["number": number, "total": total])
    Console.write(renderer.color ? "\u{1B}[7m \(text) \u{1B}[0m" : text)
    let keys = KeyReader()
    keys.start()
    defer {
      keys.stop()
      Console.write("\r\u{1B}[2K")
    }
    while let key = keys.next() {
      switch key {
      case "\n", "\r", "n", " ": return .next
      case "r": return .rerun
      case "q", "\u{1B}": return .quit
      default: continue
      }
    }
    return .next
  }
}
