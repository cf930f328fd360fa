import Foundation
import Testing
@testable import CourseKit
@testable import LessonEngine
@testable import Lessons

/// The learner's notebook: change a step's parameters (`s`) or its code (`e`, `lessons edit`),
/// go back (`b`), start from a step (`--from`); on a copy of the playground, never the
/// learner's own, in a fixed folder of the test build so that later runs build incrementally.
@Suite(.serialized) struct PlaygroundTests {

  /// A playground beside the test build whose Package.swift points at this project, emptied
  /// of edited steps.
  static func copyOfPlayground() throws -> URL {
    let root = LessonsBinary.url.deletingLastPathComponent().appendingPathComponent("playground-e2e")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let manifest = try String(contentsOf: LessonsBinary.packageRoot.appendingPathComponent("playground/Package.swift"), encoding: .utf8)
      .replacingOccurrences(of: #"let projectRoot = "..""#, with: #"let projectRoot = "\#(LessonsBinary.packageRoot.path)""#)
    try manifest.write(to: root.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
    try? FileManager.default.removeItem(at: root.appendingPathComponent("Sources"))
    try? FileManager.default.removeItem(at: root.appendingPathComponent(".handover"))
    try? FileManager.default.removeItem(at: root.appendingPathComponent(".originals"))
    return root
  }

  /// An editor: a shell script that edits the file it is given with `sed` commands.
  static func editor(_ name: String, _ sed: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("d2l-editor-\(name).sh")
    try "#!/bin/sh\nsed -i '\(sed)' \"$1\"\n".write(to: url, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    return url.path
  }

  static let threeLayers = "s/numLayers: numLayers,/numLayers: 3,/"
  static let broken = "s/let stack = StackedRNNScratch(/let stack = StackedRNNScratch(((/"
  /// `file.swift:LINE:COLUMN: error:` in the learner's file.
  static let errorWithLine = #"scratch-stack\.swift:[0-9]+:[0-9]+: error:"#

  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt in D2L_DATA_DIR"), .timeLimit(.minutes(10)))
  func editCommandBuildsRunsRefusesBrokenCodeAndResets() throws {
    let playground = try Self.copyOfPlayground()
    func edit(_ sed: String, _ extra: [String] = []) throws -> LessonsBinary.Result {
      try LessonsBinary.run(["edit", "scratch-stack"] + extra, environment: [
        "EDITOR": try Self.editor("edit", sed), "D2L_PLAYGROUND": playground.path,
      ])
    }
    let three = try edit(Self.threeLayers)
    #expect(three.status == 0, "\(three.stdout)\n\(three.stderr)")
    #expect(three.stdout.contains("layer 3: Wₓₕ⁽³⁾ (32, 32)"))
    #expect(three.stdout.contains("final states: 3 × (batch 32, hidden 32)"))
    // Once edited, the walk runs the learner's version and says so; --original does not.
    let env = ["D2L_PLAYGROUND": playground.path]
    let walk = try LessonsBinary.run(["run", "deep-rnn", "--step", "scratch-stack"], environment: env)
    #expect(walk.stdout.contains("scratch-stack (edited)") && walk.stdout.contains("layer 3:"), "\(walk.stdout)")
    let original = try LessonsBinary.run(["run", "deep-rnn", "--step", "scratch-stack", "--original"], environment: env)
    #expect(!original.stdout.contains("(edited)") && !original.stdout.contains("layer 3:"))

    let broken = try edit(Self.broken)
    #expect(broken.status != 0)
    #expect(broken.stdout.range(of: Self.errorWithLine, options: .regularExpression) != nil, "\(broken.stdout)")
    #expect(broken.stdout.contains("Your file is kept"))

    // --reset asks before discarding the learner's version: no answer keeps it.
    let kept = try LessonsBinary.run(["edit", "scratch-stack", "--reset"], environment: env)
    #expect(kept.status == 0 && kept.stdout.contains("Nothing changed"), "\(kept.stdout)")
    let reset = try LessonsBinary.run(["edit", "scratch-stack", "--reset", "--yes"], environment: env)
    #expect(reset.status == 0)
    #expect(reset.stdout.contains("scratch-stack: the lesson's code is back in "), "\(reset.stdout)")
    let after = try LessonsBinary.run(["run", "deep-rnn", "--step", "scratch-stack"], environment: env)
    #expect(after.stdout.contains("layer 2:") && !after.stdout.contains("layer 3:") && !after.stdout.contains("(edited)"))
  }

  /// The walk on a pseudo-terminal, from step 4 (scratch-stack), with `editor` as $EDITOR.
  static func walk(editor sed: String) throws -> PseudoTerminalSession {
    try PseudoTerminalSession(
      executable: LessonsBinary.url, arguments: ["run", "deep-rnn", "--from", "scratch-stack"] + WalkthroughTests.quick,
      directory: LessonsBinary.packageRoot,
      environment: [
        "D2L_DATA_DIR": LessonsBinary.dataDirectory!, "D2L_PLAYGROUND": try copyOfPlayground().path,
        "EDITOR": try editor("walk", sed),
      ])
  }

  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt in D2L_DATA_DIR"), .timeLimit(.minutes(10)))
  func eInTheWalkRunsTheEditedStackOfThreeLayers() throws {
    let session = try Self.walk(editor: Self.threeLayers)
    try session.waitFor("[step 4/17]")
    #expect(session.output.contains("(running scratch-layer first, quietly)"))
    session.send("e")
    try session.waitFor("layer 3: Wₓₕ⁽³⁾", timeout: 300)
    try session.waitFor("[step 4/17]", occurrences: 2)
    #expect(session.output.contains("H⁽³⁾: (steps 35"))
    session.send("q")
    #expect(try session.waitForExit() == 0)
    #expect(session.output.contains("lessons run deep-rnn --from scratch-stack"))
  }

  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt in D2L_DATA_DIR"), .timeLimit(.minutes(10)))
  func aBrokenEditShowsTheCompilerErrorAndTheWalkGoesOn() throws {
    let session = try Self.walk(editor: Self.broken)
    try session.waitFor("[step 4/17]")
    session.send("e")
    try session.waitFor("it did not compile", timeout: 300)
    #expect(session.output.range(of: Self.errorWithLine, options: .regularExpression) != nil)
    try session.waitFor("[step 4/17]", occurrences: 2)
    session.send("\r")
    try session.waitFor("[step 5/17]")
    session.send("q")
    #expect(try session.waitForExit() == 0)
  }

  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt in D2L_DATA_DIR"), .timeLimit(.minutes(5)))
  func sChangesTheParametersAndBGoesBack() throws {
    let session = try Self.walk(editor: Self.threeLayers)
    try session.waitFor("[step 4/17]")
    session.send("s")
    try session.waitFor("numLayers = 2")
    session.send("\r")  // keep
    try session.waitFor("numHiddens = 16")
    session.send("lots\r")
    try session.waitFor("must be an integer")
    session.send("64\r")
    try session.waitFor("H⁽²⁾: (steps 35, batch 32, hidden 64)")
    try session.waitFor("[step 4/17]", occurrences: 2)
    session.send("b")
    try session.waitFor("step 3/17 · scratch-layer")
    try session.waitFor("[step 3/17]")
    session.send("q")
    #expect(try session.waitForExit() == 0)
    #expect(session.output.contains("Stopped at step 3/17"))
  }

  /// Every step whose code the lesson shows becomes a playground file that compiles as it is.
  @Test(.timeLimit(.minutes(10)))
  func everyStepWithCodeCanBeEdited() throws {
    let playground = Playground(root: try Self.copyOfPlayground(), lesson: Lessons.course.lesson(named: "deep-rnn")!)
    let lesson = try LessonParser.load(path: LessonsBinary.packageRoot.appendingPathComponent("lessons/deep-rnn.md").path)
    let editable = lesson.steps.filter(\.showsCode).map(\.id)
    #expect(editable.count >= 9)
    for id in editable { try playground.prepare(id) }
    let build = try playground.build()
    #expect(build.built, "\(build.diagnostics)")
    #expect(playground.editedSteps.isEmpty, "a file as the lesson wrote it is not an edit")
  }
}
