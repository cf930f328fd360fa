import Foundation
import Testing
@testable import LessonEngine

/// Keys in the walk on a pseudo-terminal: arrows, Home, PageDown and F1 leave the walk where
/// it is, and `n` still moves on.
@Suite(.serialized) struct KeysWalkTests {
  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt in D2L_DATA_DIR or ../shared/data"))
  func navigationKeysNeverQuit() throws {
    let session = try PseudoTerminalSession(
      executable: LessonsBinary.url, arguments: ["run", "deep-rnn"] + WalkthroughTests.quick,
      directory: LessonsBinary.packageRoot, environment: ["D2L_DATA_DIR": LessonsBinary.dataDirectory!])
    try session.waitFor("[step 1/17]")
    let keys = ["\u{1B}[B", "\u{1B}[A", "\u{1B}[D", "\u{1B}[C", "\u{1B}[H", "\u{1B}[6~", "\u{1B}OP"]
    for key in keys {
      session.send(key)
      Thread.sleep(forTimeInterval: 0.15)
    }
    // Each key drew the footer again; none quit or moved on.
    try session.waitFor("[step 1/17]", occurrences: 1 + keys.count)
    #expect(!session.output.contains("Stopped at"))
    #expect(!session.output.contains("step 2/17"))
    session.send("n")
    try session.waitFor("[step 2/17]")
    session.send("q")
    #expect(try session.waitForExit() == 0)
    #expect(session.output.contains("Stopped at step 2/17"))
  }

  /// `s` asks for new values on a line the arrows edit: Left, Up (ignored), Right, Backspace,
  /// then a digit make "5", never "4^[[D…"; the step runs again with 5 steps.
  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt in D2L_DATA_DIR or ../shared/data"))
  func arrowsEditTheAnswerOfSet() throws {
    let session = try PseudoTerminalSession(
      executable: LessonsBinary.url, arguments: ["run", "deep-rnn", "--lang", "en"] + WalkthroughTests.quick,
      directory: LessonsBinary.packageRoot, environment: ["D2L_DATA_DIR": LessonsBinary.dataDirectory!])
    try session.waitFor("[step 1/17]")
    session.send("n")
    try session.waitFor("[step 2/17]")
    #expect(!session.output.contains("O_5 ="))
    session.send("s")
    try session.waitFor("batch = 2")
    session.send("\r")
    try session.waitFor("steps = 3")
    for key in ["4", "\u{1B}[D", "\u{1B}[A", "\u{1B}[C", "\u{7F}", "5"] {
      session.send(key)
      Thread.sleep(forTimeInterval: 0.1)
    }
    session.send("\r")
    for name in ["inputs = 5", "hidden = 4", "outputs = 3", "seed = 42"] {
      try session.waitFor(name)
      session.send("\r")
    }
    try session.waitFor("[step 2/17]", occurrences: 2)
    #expect(session.output.contains("O_5 ="), "the step ran again with steps = 5")
    #expect(!session.output.contains("must be an integer"))
    session.send("q")
    #expect(try session.waitForExit() == 0)
  }

  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt in D2L_DATA_DIR or ../shared/data"))
  func resizeRedrawsTheFooter() throws {
    let session = try PseudoTerminalSession(
      executable: LessonsBinary.url, arguments: ["run", "deep-rnn"] + WalkthroughTests.quick,
      directory: LessonsBinary.packageRoot, environment: ["D2L_DATA_DIR": LessonsBinary.dataDirectory!])
    try session.waitFor("[step 1/17]")
    session.resize(columns: 50)
    // At 50 columns only the bare keys fit.
    try session.waitFor("[step 1/17] n b r s e a o g q")
    session.send("q")
    #expect(try session.waitForExit() == 0)
  }

  /// `?` lists every key with what it does; `g` with a number outside the lesson says so and
  /// asks again, and a good number then goes there; the whole walk ends naming the next lesson.
  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs the fra-eng pairs in D2L_DATA_DIR or ../shared/data"))
  func questionMarkListsTheKeysAndGoRefusesAMissingStep() throws {
    let session = try PseudoTerminalSession(
      executable: LessonsBinary.url, arguments: ["run", "encoder-decoder", "--lang", "en", "--no-cache", "--set", "epochs=2"],
      directory: LessonsBinary.packageRoot, environment: ["D2L_DATA_DIR": LessonsBinary.dataDirectory!])
    try session.waitFor("[step 1/4]")
    session.send("?")
    try session.waitFor("o  the outline: every step and its state")
    for key in ["g", "9", "\r"] {
      session.send(key)
      Thread.sleep(forTimeInterval: 0.1)
    }
    try session.waitFor("no step 9 · go to step (1–4), then Enter: ")
    session.send("3")
    session.send("\r")
    try session.waitFor("[step 3/4]")
    session.send("n")
    try session.waitFor("[step 4/4]")
    session.send("n")
    #expect(try session.waitForExit() == 0)
    #expect(session.output.contains("Next in the course: Sequence-to-Sequence Learning, `lessons run seq2seq`"))
  }
}
