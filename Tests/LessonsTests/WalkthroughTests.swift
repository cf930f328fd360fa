import Foundation
import Testing
@testable import CourseKit
@testable import LessonEngine
@testable import Lessons

/// The lesson end to end: the transcript off a terminal, and the interactive walk-through on a
/// pseudo-terminal.
@Suite(.serialized) struct WalkthroughTests {
  /// Small settings, so the whole lesson runs in seconds.
  static let quick = ["--set", "epochs=2", "--set", "numHiddens=16", "--set", "chars=10", "--set", "expEpochs=1", "--set", "expHidden=8",
                              "--set", "speedSeconds=0.05"]

  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt in D2L_DATA_DIR or ../shared/data"),
        arguments: ["en", "vi"])
  func transcriptShowsEverythingAndNoRawMarkup(language: String) throws {
    let result = try LessonsBinary.run(["run", "deep-rnn", "--lang", language] + Self.quick)
    #expect(result.status == 0, "\(result.stderr)")
    let text = result.stdout
    // Rendered equations, no raw LaTeX or D2L roles.
    #expect(text.contains("𝐇ₜ⁽ˡ⁾"))
    for raw in ["\\mathbf", "\\tanh", "$$", ":label:", ":numref:", ":eqref:", ":eqlabel:", "\u{1B}["] {
      #expect(!text.contains(raw), "transcript contains \(raw)")
    }
    // Shapes, every H_t^(l) of both layers, perplexity and the predictions, in the language.
    let vi = language == "vi"
    #expect(text.contains(vi ? "X: (bước 35, batch 32, từ vựng 28)" : "X: (steps 35, batch 32, vocab 28)"))
    #expect(text.contains(vi ? "trạng thái H: (tầng 2, batch 32, ẩn 16)" : "state H: (layers 2, batch 32, hidden 16)"))
    for t in 1...3 { for l in 1...2 { #expect(text.contains("\(Scripts.H(t, l)) = tanh(")) } }
    #expect(text.contains(vi ? "độ rối" : "perplexity"))
    #expect(text.contains("predict(\"time traveller\") → time traveller"))
    #expect(text.contains("predict(\"traveller\") → traveller"))
    // What depth buys: every layer's heatmap and gradients, the published result, the depth experiment.
    #expect(text.contains("‖∂loss/∂Hₜ⁽ˡ⁾‖"))
    // The gated equations: Unicode has no subscript f, c or z, so they are written entirely in
    // the fallback notation, never mixing 𝐈ₜ⁽ˡ⁾ with 𝐖_(xf)^(l).
    #expect(text.contains("𝐈_t^(l) = σ(") && text.contains("𝐑_t^(l) = σ("))
    #expect(!text.contains("𝐈ₜ⁽ˡ⁾"))
    for l in 1...2 { #expect(text.contains(vi ? "tầng \(l): trung bình |Hₜ − Hₜ₋₁| = " : "layer \(l): mean |Hₜ − Hₜ₋₁| = ")) }
    #expect(text.contains(vi ? "bước 17/17" : "step 17/17"))
  }

  @Test func singleStepRunsItsPrerequisitesQuietly() throws {
    try #require(LessonsBinary.dataDirectory != nil)
    let result = try LessonsBinary.run(["run", "deep-rnn", "--step", "scratch-stack"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("(running scratch-layer first, quietly)"))
    #expect(result.stdout.contains("step 4/17 · scratch-stack"))
    #expect(!result.stdout.contains("step 3/17"))
  }

  @Test func listShowsLessonsAndSteps() throws {
    let result = try LessonsBinary.run(["list"])
    #expect(result.status == 0)
    // Every lesson of the course, in its order, with its title, its file and how many steps
    // the file has.
    for (index, lesson) in course.lessons.enumerated() {
      let file = lesson.files["en"]!
      let steps = try LessonParser.load(path: LessonsBinary.packageRoot.appendingPathComponent(file).path).steps.count
      #expect(result.stdout.contains("\(index + 1). \(lesson.name): \(lesson.title)  (\(file), \(steps) steps)"), "\(result.stdout)")
    }
    #expect(result.stdout.contains("exercises done: "))
    #expect(result.stdout.contains("tiny-stack"))
  }

  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt in D2L_DATA_DIR or ../shared/data"))
  func interactiveWalkthroughPausesRerunsAndQuits() throws {
    let session = try PseudoTerminalSession(
      executable: LessonsBinary.url, arguments: ["run", "deep-rnn"] + Self.quick,
      directory: LessonsBinary.packageRoot, environment: ["D2L_DATA_DIR": LessonsBinary.dataDirectory!])
    // It pauses after step 1 and waits.
    try session.waitFor("[step 1/17]")
    Thread.sleep(forTimeInterval: 0.3)
    #expect(!session.output.contains("step 2/17"))
    // r runs step 1 again: its header appears a second time.
    session.send("r")
    try session.waitFor("[step 1/17]", occurrences: 2)
    #expect(session.output.components(separatedBy: "step 1/17 · architecture").count - 1 == 2)
    // Enter moves on to step 2 and pauses there.
    session.send("\r")
    try session.waitFor("[step 2/17]")
    #expect(session.output.contains("𝐇₁⁽²⁾") || session.output.contains("H₁⁽²⁾"))
    // q quits cleanly: exit 0, the terminal restored (echo and canonical mode back on).
    session.send("q")
    let status = try session.waitForExit()
    #expect(status == 0)
    #expect(session.output.contains("Stopped at step 2/17"))
    #expect(session.terminalIsRestored)
  }
}
