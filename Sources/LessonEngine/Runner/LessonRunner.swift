import D2L
import Foundation

/// Walks through a lesson: prose rendered for the terminal, then each step's code, run, and
/// output, like the cells of a notebook. On a terminal it pauses after every step (Enter or n:
/// next, b: back, r: run again, s: set parameters, e: edit the code, q: quit); otherwise it
/// prints the whole transcript.
public struct LessonRunner {
  public let plan: LessonPlan
  public let renderer: TerminalRenderer
  public let interactive: Bool
  /// Whether a step that lacks a book (other than an indispensable one) is skipped rather than
  /// ending the walk: true for the whole walk, false for `--step`, which asked for that step.
  public var skipsMissingData = true
  /// The data files the lesson reads (its `dataFiles`): their pinned sums are part of every
  /// step's cache key.
  public var dataFiles: [DataFileSpec] = CorpusCatalog.all
  /// The data files whose absence ends the walk even so (the lesson's `indispensableData`).
  public var indispensableData: Set<String> = []
  /// The learner's playground, for `e` and for steps edited earlier; nil to run the lesson's
  /// own code only (`--original`).
  public var editing: StepEditing?
  /// Where finished steps' results are kept and found again; nil to run every step.
  public var cache: StepCache?

  public init(plan: LessonPlan, renderer: TerminalRenderer, interactive: Bool, editing: StepEditing? = nil) {
    self.plan = plan
    self.renderer = renderer
    self.interactive = interactive
    self.editing = editing
  }

  public enum Outcome { case finished, quit }

  /// Runs the lesson from its first step, or from step `from` (what that needs runs first,
  /// quietly).
  @discardableResult
  public func run(from: String? = nil) throws -> Outcome {
    let walk = Walk(runner: self)
    var index = 0
    if let from {
      let entries = try plan.entries(upTo: from)
      for entry in entries.dropLast() { try walk.runQuietly(entry) }
      index = plan.entries.firstIndex { $0.step.id == from }!
    }
    while index < plan.entries.count {
      if index >= walk.furthest { walk.showProse(before: index) }
      walk.furthest = max(walk.furthest, index + 1)
      switch try walk.visit(index) {
      case .next: index += 1
      case .back: index = max(0, index - 1)
      case .go(let target):
        try walk.prepare(for: target)
        index = target
      case .quit:
        let entry = plan.entries[index]
        let stopped = tr("step.stopped", ["number": index + 1, "total": plan.entries.count, "lesson": lessonName, "id": entry.step.id])
        Console.write("\n" + LineFitter.fitLines(stopped, width: Console.width) + "\n")
        return .quit
      }
    }
    walk.finish()
    return .finished
  }

  /// Runs `--step id`: its prerequisites quietly, then the step itself.
  public func run(step id: String) throws {
    var runner = self
    runner.skipsMissingData = false
    let walk = Walk(runner: runner)
    let entries = try plan.entries(upTo: id)
    for entry in entries.dropLast() { try walk.runQuietly(entry) }
    let index = plan.entries.firstIndex { $0.step.id == id }!
    try walk.recording(index) { try walk.runStep(index) }
  }

  var lessonName: String {
    URL(fileURLWithPath: plan.document.file).deletingPathExtension().lastPathComponent
  }
}
