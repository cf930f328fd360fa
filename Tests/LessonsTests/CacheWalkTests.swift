import Foundation
import Testing

/// The step cache through the command line: a second run shows the train step from the
/// cache with the same perplexity line, `--fresh` trains again, a damaged model file is
/// noted and trained again, and `lessons cache` lists and clears.
@Suite(.serialized) struct CacheWalkTests {
  static let train = ["run", "deep-rnn", "--step", "train", "--set", "epochs=2", "--set", "numHiddens=16"]

  static func perplexityLine(_ text: String) -> String? {
    text.split(separator: "\n").first { $0.contains("perplexity") && $0.contains("tokens/s") }.map(String.init)
  }

  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt in D2L_DATA_DIR or ../shared/data"))
  func secondRunComesFromTheCache() throws {
    let home = ["LESSONS_CACHE_DIR": LessonsBinary.freshHome()]
    let first = try LessonsBinary.run(Self.train, environment: home)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(!first.stdout.contains("cached ·"))
    let second = try LessonsBinary.run(Self.train, environment: home)
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stdout.contains("train · cached · ran "))
    let line = try #require(Self.perplexityLine(first.stdout))
    #expect(Self.perplexityLine(second.stdout) == line)

    let fresh = try LessonsBinary.run(Self.train + ["--fresh"], environment: home)
    #expect(fresh.status == 0)
    #expect(!fresh.stdout.contains("cached ·"))

    let listing = try LessonsBinary.run(["cache"], environment: home)
    #expect(listing.stdout.contains("train"))
    #expect(listing.stdout.contains("total on disk: "))
    let cleared = try LessonsBinary.run(["cache", "clear", "deep-rnn"], environment: home)
    #expect(cleared.status == 0)
    #expect(try LessonsBinary.run(["cache"], environment: home).stdout.contains("(no cached results)"))
  }

  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt in D2L_DATA_DIR or ../shared/data"))
  func damagedModelIsNotedAndTrainedAgain() throws {
    let home = LessonsBinary.freshHome()
    _ = try LessonsBinary.run(Self.train, environment: ["LESSONS_CACHE_DIR": home])
    let folder = URL(fileURLWithPath: home).appendingPathComponent("steps/deep-rnn")
    let model = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".safetensors") })
    let url = folder.appendingPathComponent(model)
    var bytes = try Data(contentsOf: url)
    bytes[bytes.count - 5] ^= 0x10
    try bytes.write(to: url)
    let again = try LessonsBinary.run(Self.train, environment: ["LESSONS_CACHE_DIR": home])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.contains("note: the cached result of train is not used: its output file"))
    #expect(!again.stdout.contains("cached ·"))
    #expect(Self.perplexityLine(again.stdout) != nil)
  }
}
