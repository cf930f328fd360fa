import D2L
import Foundation
import LessonEngine

/// The walk's `e` key and `(edited)` steps, on the learner's playground: the step's code opens
/// in the editor, the playground builds (only the edited file recompiles), and the edited step
/// runs on the inputs it gets in the lesson, its output in the step's place.
public struct PlaygroundEditing: StepEditing {
  public let playground: Playground

  public init(playground: Playground) { self.playground = playground }

  public func isEdited(_ id: String) -> Bool { playground.isEdited(id) }

  /// The learner's code between the ANCHOR lines, or their whole function if those are gone.
  public func editedCode(_ id: String) -> String? {
    guard let text = try? String(contentsOf: playground.file(for: id), encoding: .utf8) else { return nil }
    return AnchoredRegion.code(id, in: text) ?? text.trimmingCharacters(in: .newlines)
  }

  public func edit(_ request: StepEditRequest) -> Bool {
    do {
      return try edit(request, openEditor: true)
    } catch {
      Console.write("  \(error)\n")
      return false
    }
  }

  /// Hands over what the walk computed, writes the learner's file if new, opens it (unless
  /// `openEditor` is false), builds and runs it. Returns whether the edited code ran.
  public func edit(_ request: StepEditRequest, openEditor: Bool) throws -> Bool {
    try handOver(request)
    let file = try playground.prepare(request.entry.step.id)
    if openEditor {
      Console.write("  " + tr("playground.opening", ["file": display(file), "editor": Playground.editorCommand]) + "\n")
      try playground.openEditor(file)
    }
    return try buildAndRun(request, heading: true)
  }

  public func runEdited(_ request: StepEditRequest) throws -> Bool {
    try handOver(request)
    try playground.prepare(request.entry.step.id)
    let ran = try buildAndRun(request, heading: false)
    // Later steps read this step's results: the handed-over output when the playground wrote
    // one (the trained model), otherwise the lesson's own code, run quietly.
    let handover = playground.lesson.handovers.first { $0.stepID == request.entry.step.id }
    if try !(handover?.load(into: request.results, from: playground.handoverFolder) ?? false) {
      request.output.quiet = true
      defer { request.output.quiet = false }
      try request.entry.definition.run(request.output, request.values, request.results)
    }
    return ran
  }

  /// Saves the walk's expensive results for the playground, when the step reads one of them
  /// (a step that does not need the trained model does not write it again).
  private func handOver(_ request: StepEditRequest) throws {
    for handover in playground.lesson.handovers where request.entry.definition.requires.contains(handover.stepID) {
      try handover.save(request.results, in: playground.handoverFolder)
    }
  }

  /// Builds the playground, saying what is built; runs the step if it compiled, or shows the
  /// compiler's first errors (with the learner's file and line numbers) if not.
  private func buildAndRun(_ request: StepEditRequest, heading: Bool) throws -> Bool {
    let id = request.entry.step.id
    let first = playground.hasBeenBuilt ? "" : tr("playground.firstBuild")
    Console.write("  " + tr("playground.building", ["id": id, "folder": display(playground.root), "first": first]) + "\n")
    let build = try playground.build()
    guard build.built else {
      Console.write(Self.firstErrors(build.diagnostics) + "\n")
      Console.write("  " + tr("playground.notCompiled") + "\n")
      Console.write("  " + tr("playground.reopen", ["file": display(playground.file(for: id)), "id": id]) + "\n")
      return false
    }
    if heading { Console.write("  " + tr("playground.output") + "\n") }
    return try playground.run(
      step: id, lesson: request.lessonFile, overrides: request.overrides, values: request.values.all,
      color: request.output.color, width: request.output.width)
  }

  /// The first three errors of the compiler's output, each with its source lines.
  static func firstErrors(_ diagnostics: String, count: Int = 3) -> String {
    var blocks: [String] = [], current: [Substring] = []
    for line in diagnostics.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.range(of: #":[0-9]+:[0-9]+: error:"#, options: .regularExpression) != nil {
        if !current.isEmpty { blocks.append(current.joined(separator: "\n")) }
        current = [line]
      } else if !current.isEmpty, !line.contains(": warning:"), !line.contains(": note:") {
        current.append(line)
      }
    }
    if !current.isEmpty { blocks.append(current.joined(separator: "\n")) }
    if blocks.isEmpty { return diagnostics }
    return blocks.prefix(count).joined(separator: "\n")
  }

  private func display(_ url: URL) -> String {
    let cwd = FileManager.default.currentDirectoryPath + "/"
    return url.path.hasPrefix(cwd) ? String(url.path.dropFirst(cwd.count)) : url.path
  }
}
