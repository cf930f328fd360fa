import ArgumentParser
import CourseKit
import Foundation
import LessonEngine

/// `lessons edit STEP`: change a step's code and run it, as `e` does in the walk.
struct EditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit",
    abstract: "Change a step's code in your editor, then build and run it with the step's inputs.",
    discussion: """
      The step's code is copied once into playground/Sources/Playground/STEP.swift, which is yours: \
      it is opened in $VISUAL, $EDITOR, nano or vi, built apart from the project, and run with \
      exactly the inputs the step gets in the lesson. From then on `lessons run` uses your \
      version (marked "(edited)"); `--original` ignores every edit, `--reset` restores the \
      lesson's code.
      """)

  @Argument(help: "The step to edit: STEP in the lesson given, or LESSON:STEP.")
  var step: String

  @OptionGroup var options: LessonOptions

  @Option(name: .customLong("set"), help: "Override a step parameter, as lessons run --set does (repeatable).")
  var overrides: [String] = []

  @Flag(help: "Put the lesson's code back, discarding your version (asks first).")
  var reset = false

  @Flag(name: .shortAndLong, help: "With --reset: do not ask for confirmation.")
  var yes = false

  @Flag(name: .customLong("no-editor"), help: "Build and run your version as it is, without opening an editor.")
  var noEditor = false

  mutating func validate() throws { step = try options.address(step) }

  func run() throws {
    let plan = try options.loadPlan(overrides: overrides)
    guard let entry = plan.entries.first(where: { $0.step.id == step }) else {
      throw ValidationError(tr("edit.noStep", ["step": step, "steps": plan.entries.map(\.step.id).joined(separator: ", ")]))
    }
    let editable = plan.entries.filter(\.step.showsCode).map(\.step.id)
    guard entry.step.showsCode else { throw ValidationError(PlaygroundError.notEditable(step: step, editable: editable).description) }
    let playground: Playground
    do { playground = try Playground.locate(lesson: options.chosen) } catch { throw ValidationError("\(error)") }
    if reset {
      // Your version is discarded only when you say so, as `lessons reset` does for an exercise.
      let file = playground.file(for: step).path
      if playground.isEdited(step) && !yes && !ExerciseReset.askOnStandardInput(tr("edit.resetAsk", ["step": step, "file": file])) {
        return Console.write(tr("reset.declined") + "\n")
      }
      try playground.reset(step)
      Console.write(tr("edit.resetDone", ["step": step, "file": file]) + "\n")
      return
    }
    guard try EditRun(plan: plan, playground: playground, step: step, openEditor: !noEditor, renderer: options.renderer).run() else {
      throw ExitCode.failure
    }
  }
}

/// One `lessons edit`: the step's prerequisites in this process (so that expensive ones can be
/// handed over), then the edit, the build and the run.
struct EditRun {
  let plan: LessonPlan
  let playground: Playground
  let step: String
  let openEditor: Bool
  let renderer: TerminalRenderer

  func run() throws -> Bool {
    let output = StepOutput(color: renderer.color, width: renderer.width)
    let results = StepResults()
    let entries = try plan.entries(upTo: step)
    // What the step needs and is expensive (the trained model) is computed here once and
    // handed over; the playground recomputes the cheap rest itself.
    for entry in entries.dropLast() {
      guard let handover = playground.lesson.handovers.first(where: { $0.stepID == entry.step.id }) else { continue }
      if FileManager.default.fileExists(atPath: handover.file(in: playground.handoverFolder).path) { continue }
      Console.write("(running \(entry.step.id) first, to hand its result over)\n")
      output.quiet = true
      try entry.definition.run(output, entry.values, results)
      output.quiet = false
    }
    let entry = entries.last!
    let request = StepEditRequest(
      entry: entry, values: entry.values, results: results, output: output,
      lessonFile: plan.document.file, overrides: plan.overrides)
    let editing = PlaygroundEditing(playground: playground)
    return try editing.edit(request, openEditor: openEditor)
  }
}
