import Foundation
import Testing
@testable import D2L

/// D2L's machine-translation data pipeline against the book's own Python on the real
/// `fra-eng/fra.txt` (fixture `nmt_data.json`, from scripts/make_fixtures_seq2seq.py).
@Suite struct NMTDataTests {
  struct Expected: Decodable {
    struct Steps: Decodable {
      let pairs: Int
      let source_vocab: [String], target_vocab: [String]
      let source_head: [[String]], target_head: [[String]]
      let source_rows: [[Int]], target_rows: [[Int]]
      let source_valid: [Int], target_valid: [Int]
    }
    let preprocessed_head: String
    let preprocess_samples: [[String]]
    let steps10: Steps, steps8: Steps
    let truncate_pad: [Int]
  }

  static let expected: Expected = {
    let data = try! Data(contentsOf: Fixtures.directory.appendingPathComponent("nmt_data.json"))
    return try! JSONDecoder().decode(Expected.self, from: data)
  }()

  static var hasPairs: Bool { DataTestFiles.directory.map { FileManager.default.fileExists(atPath: $0 + "/fra-eng/fra.txt") } ?? false }

  @Test func preprocessingMatchesTheBook() {
    for sample in Self.expected.preprocess_samples {
      #expect(preprocessNMT(sample[0]) == sample[1], "preprocess_nmt(\(sample[0].debugDescription))")
    }
    #expect(truncatePad([47, 4], numSteps: 10, paddingToken: 1) == Self.expected.truncate_pad)
    #expect(truncatePad(Array(0..<12), numSteps: 10, paddingToken: 1) == Array(0..<10))
  }

  @Test func tokenizingKeepsPythonsSplit() {
    let (source, target) = tokenizeNMT("a  b\tc\nno tab\nx\ty\tz\nd\te\nf\tg", numExamples: 3)
    #expect(source == [["a", "", "b"], ["d"]])  // lines 0…3: "f g" is line 4
    #expect(target == [["c"], ["e"]])
    #expect(tokenizeNMT("a\tb\nc\td", numExamples: 0).source.count == 2)  // 0 means all, as `if num_examples`
  }

  @Test(.enabled(if: hasPairs, "needs fra-eng/fra.txt under D2L_DATA_DIR"), arguments: [10, 8])
  func loadDataNMTMatchesTheBook(numSteps: Int) throws {
    let e = numSteps == 10 ? Self.expected.steps10 : Self.expected.steps8
    let data = try loadDataNMT(batchSize: 64, numSteps: numSteps, locator: DataTestFiles.locator())
    #expect(data.source.count == e.pairs && data.target.count == e.pairs)
    #expect(data.sourceVocab.idxToToken == e.source_vocab)
    #expect(data.targetVocab.idxToToken == e.target_vocab)
    #expect(data.sourceVocab.count == 184 || numSteps != 10)  // the book's sizes: 184 and 201
    #expect(data.targetVocab.count == 201 || numSteps != 10)
    #expect(Array(data.source.prefix(8)) == e.source_head)
    #expect(Array(data.target.prefix(8)) == e.target_head)
    let loader = data.loader
    for b in 0..<8 {
      #expect(loader.source.row(b).map(Int.init) == e.source_rows[b])
      #expect(loader.target.row(b).map(Int.init) == e.target_rows[b])
    }
    #expect(loader.sourceValidLengths.map(Int.init) == e.source_valid)
    #expect(loader.targetValidLengths.map(Int.init) == e.target_valid)
    let head = try readDataNMT(lines: 30, locator: DataTestFiles.locator())
    #expect(preprocessNMT(head).hasPrefix(Self.expected.preprocessed_head.prefix(head.count)))
  }

  @Test func minibatchesAreShuffledSeededAndCoverEveryPair() {
    let rows = (0..<601).map { [$0 % 7, $0 / 7] }
    let valid = (0..<601).map { Int32($0 % 3 + 1) }
    let loader = TranslationDataLoader(source: TokenSequences(rows: rows), sourceValidLengths: valid,
                                       target: TokenSequences(rows: rows), targetValidLengths: valid, batchSize: 64, seed: 5)
    let epoch0 = loader.batches(forEpoch: 0)
    #expect(epoch0.map(\.batchSize) == Array(repeating: 64, count: 9) + [25])
    #expect(loader.order(forEpoch: 0).sorted() == Array(0..<601))
    #expect(loader.order(forEpoch: 0) != Array(0..<601))
    #expect(loader.order(forEpoch: 0) != loader.order(forEpoch: 1))
    #expect(loader.batches(forEpoch: 3) == loader.batches(forEpoch: 3))
    let other = TranslationDataLoader(source: loader.source, sourceValidLengths: valid, target: loader.target,
                                      targetValidLengths: valid, batchSize: 64, seed: 6)
    #expect(other.order(forEpoch: 0) != loader.order(forEpoch: 0))
    // Each pair's four parts stay together.
    for batch in epoch0 {
      for b in 0..<batch.batchSize {
        let i = Int(batch.source.row(b).first!) + 7 * Int(batch.source.row(b).last!)
        #expect(batch.sourceValidLengths[b] == valid[i] && batch.target.row(b) == batch.source.row(b))
      }
    }
    let inOrder = TranslationDataLoader(source: loader.source, sourceValidLengths: valid, target: loader.target,
                                        targetValidLengths: valid, batchSize: 64, shuffle: false)
    #expect(inOrder.order(forEpoch: 4) == Array(0..<601))
  }

  @Test func teacherForcingShiftsRight() {
    let y = TokenSequences([5, 6, 7, 8, 9, 10], batch: 2, steps: 3)
    #expect(y.shiftedRight(startingWith: 2).tokens == [2, 5, 6, 2, 8, 9])
    #expect(y.timeMajor == [5, 8, 6, 9, 7, 10])
  }

  /// D2L's way when the extracted file is missing: the zip, checked, extracted with `unzip`.
  @Test func theArchiveIsExtractedWhenTheFileIsMissing() throws {
    let zip = Fixtures.directory.appendingPathComponent("nmt_tiny.zip")
    let archive = DataFileSpec(name: "fra-eng.zip", sha1: sha1Hex(try Data(contentsOf: zip)))
    let member = DataFileSpec(name: "fra-eng/fra.txt")
    try DataTestFiles.withTemporaryDirectory { dir in
      let cache = dir.appendingPathComponent("cache")
      try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
      try FileManager.default.copyItem(at: zip, to: cache.appendingPathComponent("fra-eng.zip"))
      let locator = DataLocator(dataDirectory: dir.appendingPathComponent("none").path, cacheDirectory: cache.path, allowDownload: false)
      let url = try locator.locate(member, extractingFrom: archive)
      #expect(url.path.hasSuffix("cache/fra-eng/fra.txt"))
      let (source, target) = tokenizeNMT(preprocessNMT(try String(contentsOf: url, encoding: .utf8)))
      #expect(source == [["go", "."], ["hi", "."], ["run", "!"]])
      #expect(target == [["va", "!"], ["salut", "!"], ["cours", "!"]])
      // A wrong archive is refused before extraction.
      try FileManager.default.removeItem(at: url)
      let wrong = DataFileSpec(name: "fra-eng.zip", sha1: String(repeating: "0", count: 40))
      #expect(throws: DataError.self) { try locator.locate(member, extractingFrom: wrong) }
      // Neither file nor archive: the error lists both.
      try FileManager.default.removeItem(at: cache.appendingPathComponent("fra-eng.zip"))
      let text = DataTestFiles.errorText { _ = try locator.locate(member, extractingFrom: archive) } ?? ""
      #expect(text.contains("fra-eng/fra.txt") && text.contains("fra-eng.zip"))
    }
  }
}
