import D2L
import Foundation
import Testing

@testable import CourseKit
@testable import LessonEngine
@testable import Lessons

/// Large inputs: `lessons eval` streams a 50 MB text (including a 10 MB line with no line
/// break) with its peak memory close to that of a 1 MB text.
@Suite struct ReliabilityLimitsTests {
  static let megabyte = 1 << 20

  @Test func evalOnFiftyMegabytesStaysBoundedInMemory() throws {
    try Reliability.withTemporaryDirectory { dir in
      // A tiny model (GRU, hidden 8), so that the debug build gets through the tokens quickly.
      var generator = RandomGenerator(seed: 3)
      let model = RNNModel(kind: .gru, vocabSize: 28, hiddenSize: 8, numLayers: 1, using: &generator)
      let weights = dir.appendingPathComponent("tiny.safetensors")
      try ModelCheckpoint(model: model, vocab: .timeMachine).save(to: weights)

      // 40 MB of 50-byte lines, one in 64 a sentence and the rest a letter among digits and
      // punctuation (which preprocessing drops), then one 10 MB line; about 1.3M tokens.
      let filler = "A, 1895-05-07 12:00:00 -- 0123456789 0123456789 .\n"
      let sentence = "The Time Traveller smiled round at us all. Then...\n"
      let block = (0..<64).map { $0 == 0 ? sentence : filler }.joined()
      let longUnit = "x" + String(repeating: "0123456789", count: 19) + "!!!!!!!!!"
      let blockCount = 40 * Self.megabyte / block.utf8.count
      let unitCount = 10 * Self.megabyte / longUnit.utf8.count
      let big = dir.appendingPathComponent("big.txt")
      #expect(FileManager.default.createFile(atPath: big.path, contents: nil))
      let handle = try FileHandle(forWritingTo: big)
      let blockData = Data(String(repeating: block, count: 16).utf8)
      for _ in 0..<(blockCount / 16) { handle.write(blockData) }
      let unitData = Data(String(repeating: longUnit, count: 1024).utf8)
      for _ in 0..<(unitCount / 1024) { handle.write(unitData) }
      try handle.close()
      let size = try FileManager.default.attributesOfItem(atPath: big.path)[.size] as! Int
      #expect(size >= 50 * Self.megabyte - Self.megabyte, "\(size) bytes")

      // Lines are joined with nothing between them; the long line is "x x x … x".
      let blockTokens = preprocessCharacters(String(repeating: block, count: 16)).count
      let longTokens = 2 * (unitCount / 1024 * 1024) - 1
      let expectedTokens = (blockCount / 16) * blockTokens + longTokens

      // The baseline: the same command on 1 MB (long enough for the memory readings to see
      // its plateau).
      let small = dir.appendingPathComponent("small.txt")
      try String(repeating: block, count: Self.megabyte / block.utf8.count).write(to: small, atomically: true, encoding: .utf8)

      let baseline = try LessonsChild(["eval", "--weights", weights.path, "--text", small.path, "--json"])
      let baselineExit = baseline.wait(timeout: 120)
      #expect(baselineExit.status == 0, "\(baseline.stderr)")

      let child = try LessonsChild(["eval", "--weights", weights.path, "--text", big.path, "--json"])
      let exit = child.wait(timeout: 600)
      #expect(exit.status == 0, "\(child.stderr)")
      let result = try #require(Reliability.json(child.stdout), "\(child.stdout) \(child.stderr)")
      #expect(result["tokens"] as? Int == expectedTokens - 1)
      #expect((result["perplexity"] as? Double).map { $0.isFinite && $0 > 1 } == true)
      let mb = { (bytes: Int) in String(format: "%.1f MB", Double(bytes) / Double(Self.megabyte)) }
      print("eval: \(mb(size)) text, \(expectedTokens) tokens in \(String(format: "%.1f", exit.seconds)) s, peak RSS \(mb(exit.peakBytes)) (1 MB text: \(mb(baselineExit.peakBytes)))")
      // Reading the file whole would need 50 MB more; the chunks and the long line's pieces
      // are a few MB.
      #expect(baselineExit.peakBytes > 0 && exit.peakBytes > 0, "no memory readings")
      #expect(exit.peakBytes < baselineExit.peakBytes + 24 * Self.megabyte,
              "peak RSS \(mb(exit.peakBytes)) for a 50 MB text vs \(mb(baselineExit.peakBytes)) for 1 MB")
    }
  }
}
