import Foundation
import Testing

/// Stale marking and the outline in the walk: `s` on scratch-layer makes the steps that read
/// it stale, and only those; `g` jumps; `a` runs the stale steps again.
@Suite(.serialized) struct StaleOutlineTests {
  /// The walk's quick settings, with 8 hidden units so that `s` can change them to 16.
  static let settings = ["--set", "epochs=2", "--set", "numHiddens=8", "--set", "chars=10", "--set", "expEpochs=1",
                         "--set", "expHidden=8", "--set", "speedSeconds=0.05"]

  /// The outline's line for step `id` in the last outline printed.
  static func outlineLine(_ output: String, _ id: String) -> String? {
    guard let last = output.range(of: "deep-rnn: 17 steps", options: .backwards) else { return nil }
    // A terminal ends lines with "\r\n", one Character in Swift: split on any newline.
    return output[last.upperBound...].split(whereSeparator: \.isNewline).first { $0.contains(". \(id) ") }.map(String.init)
  }

  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt in D2L_DATA_DIR or ../shared/data"))
  func setMarksDownstreamStale() throws {
    let session = try PseudoTerminalSession(
      executable: LessonsBinary.url, arguments: ["run", "deep-rnn"] + Self.settings,
      directory: LessonsBinary.packageRoot, environment: ["D2L_DATA_DIR": LessonsBinary.dataDirectory!])
    for step in 1...9 {
      try session.waitFor("[step \(step)/17]")
      if step < 9 { session.send("n") }
    }
    // g 3: back to scratch-layer; s: batchSize and numSteps kept, numHiddens 16.
    session.send("g")
    try session.waitFor("go to step")
    session.send("3\r")
    try session.waitFor("[step 3/17]", occurrences: 2)
    session.send("s")
    try session.waitFor("batchSize = 32")
    session.send("\r")
    try session.waitFor("numSteps = 35")
    session.send("\r")
    try session.waitFor("numHiddens = 8")
    session.send("16\r")
    try session.waitFor("[step 3/17]", occurrences: 3)
    session.send("o")
    try session.waitFor("deep-rnn: 17 steps")
    Thread.sleep(forTimeInterval: 0.5)
    let output = session.output
    for id in ["scratch-stack", "concise-agrees", "concise-model"] {
      let line = try #require(Self.outlineLine(output, id))
      #expect(line.contains(" stale "), "\(line)")
    }
    for id in ["train", "perplexity-curve", "predict", "architecture"] {
      let line = try #require(Self.outlineLine(output, id))
      #expect(!line.contains("stale") && line.contains(" ran "), "\(line)")
    }
    #expect(Self.outlineLine(output, "scratch-layer")?.hasPrefix("▶") ?? false)
    #expect(Self.outlineLine(output, "exercises")?.contains("not run") ?? false)

    // g 6: concise-agrees runs again (its header says why); a: the stale ones before it run.
    session.send("g6\r")
    try session.waitFor("concise-agrees · stale: runs again")
    try session.waitFor("[step 6/17]", occurrences: 2)
    session.send("a")
    try session.waitFor("(running scratch-stack again: it was stale)")
    try session.waitFor("(running concise-model again: it was stale)")
    // The footer first: keys typed while steps run are dropped at the prompt.
    try session.waitFor("[step 6/17]", occurrences: 3)
    session.send("o")
    try session.waitFor("deep-rnn: 17 steps", occurrences: 2)
    Thread.sleep(forTimeInterval: 0.5)
    let after = session.output
    for id in ["scratch-stack", "concise-model", "concise-agrees"] {
      #expect(!(Self.outlineLine(after, id)?.contains("stale") ?? true))
    }
    session.send("q")
    #expect(try session.waitForExit() == 0)
  }

  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt in D2L_DATA_DIR or ../shared/data"))
  func outlineCommandShowsWhatTheCacheHolds() throws {
    let home = ["LESSONS_CACHE_DIR": LessonsBinary.freshHome()]
    let before = try LessonsBinary.run(["outline", "deep-rnn"] + Self.settings, environment: home)
    #expect(before.status == 0, "\(before.stderr)")
    #expect(Self.outlineLine(before.stdout, "train")?.contains("not run") ?? false)
    _ = try LessonsBinary.run(["run", "deep-rnn", "--step", "train"] + Self.settings, environment: home)
    let after = try LessonsBinary.run(["outline", "deep-rnn"] + Self.settings, environment: home)
    let line = try #require(Self.outlineLine(after.stdout, "train"))
    #expect(line.contains("not run, cached") && line.contains("~"), "\(line)")
    for text in after.stdout.split(separator: "\n") { #expect(text.count <= 100) }
  }
}
