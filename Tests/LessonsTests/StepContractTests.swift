import Foundation
import Testing
@testable import LessonEngine

/// A step's contract is its `requires`: `input` is served those steps' outputs and no others,
/// and the cache key covers exactly them. So reading an undeclared input is refused (naming the
/// step and the input) rather than served from a cache entry that a change there would not
/// invalidate; and changing what step 4 reads makes step 4 run again.
@Suite(.serialized) struct StepContractTests {
  /// A folder of its own for the lesson file and the cache.
  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("step-contract-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Walks the tiny lesson `text` once, non-interactively, with the cache in `folder`.
  static func walk(_ text: String, in folder: URL, overrides: [String] = [], codecs: [StepCodec]? = nil) throws {
    let path = folder.appendingPathComponent("tiny.md").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let lesson = TinyLesson.lesson(path: path)
    var runner = LessonRunner(
      plan: try lesson.plan(path: path, overrides: overrides), renderer: TerminalRenderer(width: 80, color: false),
      interactive: false)
    runner.cache = StepCache(directory: folder.appendingPathComponent("cache"), codecs: codecs ?? lesson.cacheCodecs)
    try runner.run()
  }

  @Test func readingAnUndeclaredInputIsRefusedNamingTheStepAndTheInput() throws {
    let results = StepResults()
    results.store(1, of: TinyLesson.One.self)
    results.store(20, of: TinyLesson.Two.self)
    let output = StepOutput(color: false, width: 80)
    output.quiet = true
    let sneaky = try #require(TinyLesson.catalog.definition("sneaky"))
    #expect(throws: StepContractError(step: "sneaky", input: "two")) {
      try sneaky.run(output, StepValues([:]), results)
    }
    // A declared input is served; the walk's own results serve everything.
    let four = try #require(TinyLesson.catalog.definition("four"))
    try four.run(output, StepValues([:]), results)
    #expect(try results.output(of: TinyLesson.Four.self) == [21])
    #expect(StepContractError(step: "sneaky", input: "two").description
      == "step 'sneaky' reads the output of step 'two' without declaring it: add it to the step's `requires`")
  }

  /// In a walk the refusal is the lesson's `FILE:LINE: step 'sneaky': …` error, and the step
  /// is never shown from the cache; the author check runs every step, so it reports it too.
  @Test func theWalkStopsAtTheUndeclaredRead() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
      try Self.walk(TinyLesson.text(sneaky: true), in: folder)
      Issue.record("the walk went through a step reading an undeclared input")
    } catch let error as LessonError {
      #expect(error.line == 17)
      #expect(error.reason.contains("step 'sneaky'") && error.reason.contains("step 'two' without declaring it"), "\(error)")
    }
  }

  /// Step 4 reads step 2: with step 2's parameter changed its key changes, so it runs again
  /// rather than coming from the cache; step 3, which does not read step 2, comes from the cache.
  @Test func changingAnInputOfStepFourMakesItRunAgain() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    TinyLesson.runs = [:]
    try Self.walk(TinyLesson.text(b: 2), in: folder)
    #expect(TinyLesson.runs == ["one": 1, "two": 1, "three": 1, "four": 1])
    // The same walk again: the cached steps (three, four) are not run.
    try Self.walk(TinyLesson.text(b: 2), in: folder)
    #expect(TinyLesson.runs["three"] == 1 && TinyLesson.runs["four"] == 1)
    // b changes: four's input changed, so it runs; three's did not.
    try Self.walk(TinyLesson.text(b: 2), in: folder, overrides: ["b=3"])
    #expect(TinyLesson.runs["four"] == 2, "\(TinyLesson.runs)")
    #expect(TinyLesson.runs["three"] == 1, "\(TinyLesson.runs)")
  }

  /// Without codecs, a cached entry can still stand for a step whose output no step reads
  /// (three, four: what they printed is all they leave), while a step another one reads (one,
  /// two) runs again, since its output could not come back from the cache.
  @Test func aStepNobodyReadsComesFromTheCacheWithoutACodec() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    TinyLesson.runs = [:]
    try Self.walk(TinyLesson.text(), in: folder, codecs: [])
    try Self.walk(TinyLesson.text(), in: folder, codecs: [])
    #expect(TinyLesson.runs == ["one": 2, "two": 2, "three": 1, "four": 1], "\(TinyLesson.runs)")
  }

  /// The same in the walk's own terms: the key step 4 holds goes stale when step 2's value does.
  @Test func stepFourIsStaleOnceStepTwoChanges() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("tiny.md").path
    try TinyLesson.text().write(toFile: path, atomically: true, encoding: .utf8)
    let lesson = TinyLesson.lesson(path: path)
    let runner = LessonRunner(
      plan: try lesson.plan(path: path), renderer: TerminalRenderer(width: 80, color: false), interactive: false)
    let walk = Walk(runner: runner)
    for index in 0..<4 { try walk.recording(index) { try walk.runStep(index) } }
    #expect((0..<4).map(walk.isStale) == [false, false, false, false])
    walk.values[1] = walk.values[1].setting("b", to: "7")  // `s` on step 2
    #expect((0..<4).map(walk.isStale) == [false, true, false, true])
  }
}
