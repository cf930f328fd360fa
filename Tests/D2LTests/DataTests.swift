import Foundation
import Testing

@testable import D2L

/// Where the real corpora are for these tests: `$D2L_DATA_DIR`, else `../shared/data` beside
/// the package root; nil (tests skipped) when neither holds `timemachine.txt`.
enum DataTestFiles {
  static let directory: String? = {
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let candidates: [String?] = [DataLocator.environmentDataDirectory,
                      packageRoot.appendingPathComponent("../shared/data").standardizedFileURL.path]
    return candidates.compactMap { $0 }.first {
      FileManager.default.fileExists(atPath: $0 + "/timemachine.txt")
    }
  }()

  static var available: Bool { directory != nil }

  /// Whether the Gutenberg books are there too (a machine may have only The Time Machine and
  /// fetch the rest on first use).
  static var hasBooks: Bool {
    directory.map { dir in CorpusCatalog.all.allSatisfy { FileManager.default.fileExists(atPath: dir + "/" + $0.name) } } ?? false
  }

  static func path(_ name: String) -> String { directory! + "/" + name }

  /// A locator over the real data that can neither download nor see a stray `data/` cache.
  static func locator() -> DataLocator {
    DataLocator(dataDirectory: directory, cacheDirectory: "/nonexistent-d2l-cache", allowDownload: false)
  }

  /// Runs `body` with a fresh empty folder, removed afterwards.
  static func withTemporaryDirectory<T>(_ body: (URL) throws -> T) rethrows -> T {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("d2l-data-tests-\(UUID().uuidString)", isDirectory: true)
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
  }

  /// The description of the error `body` throws, or nil if it throws nothing.
  static func errorText(_ body: () throws -> Void) -> String? {
    do { try body(); return nil } catch { return "\(error)" }
  }
}

private let skipReason: Comment =
  "needs timemachine.txt: set D2L_DATA_DIR or provide ../shared/data beside the package"

// MARK: - Locating files

@Suite struct DataLocatorDataTests {
  @Test func absentFileWithoutDownloadSaysWhereItLookedAndWhatToDo() {
    DataTestFiles.withTemporaryDirectory { dir in
      let dataDir = dir.appendingPathComponent("env").path
      let cacheDir = dir.appendingPathComponent("cache").path
      let locator = DataLocator(dataDirectory: dataDir, cacheDirectory: cacheDir, allowDownload: false, mirror: nil)
      let error = #expect(throws: DataError.self) { try locator.locate(.timeMachine) }
      let message = "\(error!)"
      #expect(message.contains("'timemachine.txt'"))
      #expect(message.contains(dataDir + "/timemachine.txt: no such file"))
      #expect(message.contains(cacheDir + "/timemachine.txt: no such file"))
      #expect(message.contains("http://d2l-data.s3-accelerate.amazonaws.com/timemachine.txt: download disabled"))
      #expect(message.contains("export D2L_DATA_DIR="))
      #expect(message.contains("or put timemachine.txt into \(cacheDir)/"))
    }
  }

  @Test func unsetDataDirectoryIsReported() {
    let locator = DataLocator(dataDirectory: nil, cacheDirectory: "/nonexistent-d2l-cache", allowDownload: false)
    let message = DataTestFiles.errorText { _ = try locator.locate(named: "some-book.txt") }
    #expect(message?.contains("$D2L_DATA_DIR/some-book.txt: D2L_DATA_DIR is not set") == true)
    #expect(message?.contains("/nonexistent-d2l-cache/some-book.txt: no such file") == true)
  }

  @Test(.enabled(if: DataTestFiles.available, skipReason))
  func findsTheRealFileInTheDataDirectory() throws {
    let url = try DataTestFiles.locator().locate(.timeMachine)
    #expect(url.path == DataTestFiles.path("timemachine.txt"))
  }

  @Test func wrongChecksumInDataDirectoryIsRefusedWithExpectedAndGot() throws {
    try DataTestFiles.withTemporaryDirectory { dir in
      let file = dir.appendingPathComponent("timemachine.txt")
      try Data("not the time machine\n".utf8).write(to: file)
      let locator = DataLocator(dataDirectory: dir.path, cacheDirectory: "/nonexistent-d2l-cache", allowDownload: false)
      let got = sha1Hex(Data("not the time machine\n".utf8))
      #expect(throws: DataError.checksumMismatch(
        path: file.path, expected: "090b5e7e70c295757f55df93cb0a180b9691891a", got: got)) {
        try locator.locate(.timeMachine)
      }
      let message = DataTestFiles.errorText { _ = try locator.locate(.timeMachine) } ?? ""
      #expect(message.contains("expected 090b5e7e70c295757f55df93cb0a180b9691891a"))
      #expect(message.contains(got))
    }
  }

  @Test func wrongChecksumInCacheIsRefused() throws {
    try DataTestFiles.withTemporaryDirectory { dir in
      try Data("tampered".utf8).write(to: dir.appendingPathComponent("timemachine.txt"))
      let locator = DataLocator(dataDirectory: nil, cacheDirectory: dir.path, allowDownload: false)
      let message = DataTestFiles.errorText { _ = try locator.locate(.timeMachine) } ?? ""
      #expect(message.hasPrefix("Refusing \(dir.path)/timemachine.txt: its SHA-1 is "))
    }
  }

  @Test func fallsBackToTheCacheAndSkipsDirectories() throws {
    try DataTestFiles.withTemporaryDirectory { dir in
      let dataDir = dir.appendingPathComponent("env")
      try FileManager.default.createDirectory(
        at: dataDir.appendingPathComponent("book.txt"), withIntermediateDirectories: true)
      let cacheDir = dir.appendingPathComponent("cache")
      try FileManager.default.createDirectory(at: cacheDir, withIntermediateDirectories: true)
      try Data("a book\n".utf8).write(to: cacheDir.appendingPathComponent("book.txt"))
      let locator = DataLocator(dataDirectory: dataDir.path, cacheDirectory: cacheDir.path, allowDownload: false)
      #expect(try locator.locate(named: "book.txt").path == cacheDir.appendingPathComponent("book.txt").path)

      let missing = DataTestFiles.errorText { _ = try locator.locate(named: "other.txt") }
      #expect(missing != nil)
      try FileManager.default.removeItem(at: cacheDir.appendingPathComponent("book.txt"))
      let message = DataTestFiles.errorText { _ = try locator.locate(named: "book.txt") } ?? ""
      #expect(message.contains("book.txt: is a directory, not a file"))
    }
  }

  @Test(.enabled(if: DataTestFiles.available, skipReason))
  func verifiedDownloadIsWrittenAtomicallyIntoTheCache() throws {
    let real = try Data(contentsOf: URL(fileURLWithPath: DataTestFiles.path("timemachine.txt")))
    try DataTestFiles.withTemporaryDirectory { dir in
      let cacheDir = dir.appendingPathComponent("cache/nested")
      let downloads = Counter()
      let locator = DataLocator(dataDirectory: nil, cacheDirectory: cacheDir.path, mirror: nil) { url, _ in
        downloads.increment()
        #expect(url.absoluteString == "http://d2l-data.s3-accelerate.amazonaws.com/timemachine.txt")
        return real
      }
      let url = try locator.locate(.timeMachine)
      #expect(url.path == cacheDir.appendingPathComponent("timemachine.txt").path)
      #expect(try Data(contentsOf: url) == real)
      #expect(try FileManager.default.contentsOfDirectory(atPath: cacheDir.path) == ["timemachine.txt"])
      _ = try locator.locate(.timeMachine)
      #expect(downloads.value == 1, "the second lookup must use the cache")
    }
  }

  @Test func downloadWithWrongChecksumIsDiscarded() {
    DataTestFiles.withTemporaryDirectory { dir in
      var timeMachineSized = Data(repeating: 0x61, count: DataFileSpec.timeMachine.byteCount!)
      timeMachineSized[0] = 0x62
      let locator = DataLocator(dataDirectory: nil, cacheDirectory: dir.path, mirror: nil) { [timeMachineSized] _, _ in timeMachineSized }
      let message = DataTestFiles.errorText { _ = try locator.locate(.timeMachine) } ?? ""
      #expect(message.contains("expected 090b5e7e70c295757f55df93cb0a180b9691891a; nothing was kept"))
      #expect((try? FileManager.default.contentsOfDirectory(atPath: dir.path))?.isEmpty == true)
    }
  }

  @Test func failedDownloadIsReportedWithItsReason() {
    let locator = DataLocator(dataDirectory: nil, cacheDirectory: "/nonexistent-d2l-cache", mirror: nil) { url, _ in
      throw DataError.downloadFailed(url: url.absoluteString, reason: "no network")
    }
    let message = DataTestFiles.errorText { _ = try locator.locate(.timeMachine) } ?? ""
    #expect(message.contains("failed: no network"))
    #expect(message.contains("export D2L_DATA_DIR="))
  }
}

private final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  var value: Int { lock.withLock { count } }
  func increment() { lock.withLock { count += 1 } }
}

// MARK: - Refusing files that are not text

@Suite struct TextFileDataTests {
  private func write(_ bytes: [UInt8], _ body: (URL) throws -> Void) throws {
    try DataTestFiles.withTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("corpus.txt")
      try Data(bytes).write(to: url)
      try body(url)
    }
  }

  @Test func emptyFileIsRefused() throws {
    try write([]) { url in
      #expect(throws: DataError.emptyFile(path: url.path)) { try TextFile.readBytes(at: url) }
      #expect(throws: DataError.emptyFile(path: url.path)) { try CharCorpus(contentsOf: url) }
      #expect(throws: DataError.emptyFile(path: url.path)) {
        try CharCorpusReader(url: url, vocab: .timeMachine)
      }
      #expect(DataTestFiles.errorText { _ = try TextFile.readBytes(at: url) }?.contains("is empty") == true)
    }
  }

  @Test func fileWithNulBytesIsRefused() throws {
    try write(Array("abc".utf8) + [0, 1, 2]) { url in
      #expect(throws: DataError.binaryFile(path: url.path, reason: "a NUL byte at byte offset 3")) {
        try TextFile.readBytes(at: url)
      }
    }
  }

  @Test func invalidUTF8IsRefused() throws {
    try write(Array("ok\n".utf8) + [0xFF, 0xFE, 0x41]) { url in
      let message = DataTestFiles.errorText { _ = try TextFile.readBytes(at: url) } ?? ""
      #expect(message == "Refusing \(url.path): it does not look like a text file (invalid UTF-8 at byte offset 3).")
    }
  }

  @Test func textWithoutLettersHasNoTokens() throws {
    try write(Array("1984 -- 2001!\n".utf8)) { url in
      #expect(throws: DataError.noTokens(source: url.path)) { try CharCorpus(contentsOf: url) }
    }
  }

  @Test func utf8ValidatorAcceptsTextAndRejectsMalformedSequences() {
    func defect(_ bytes: [UInt8]) -> TextDefect? { bytes.withUnsafeBufferPointer(firstTextDefect) }
    #expect(defect(Array("plain ASCII, café, 日本, 🦀\r\n".utf8)) == nil)
    #expect(defect([0x61, 0x00]) == TextDefect(kind: .nulByte, offset: 1))
    #expect(defect([0xC0, 0x80]) == TextDefect(kind: .invalidUTF8, offset: 0))  // overlong
    #expect(defect([0x61, 0xED, 0xA0, 0x80]) == TextDefect(kind: .invalidUTF8, offset: 1))  // surrogate
    #expect(defect([0x61, 0x62, 0xE6, 0x97]) == TextDefect(kind: .invalidUTF8, offset: 2))  // truncated
    #expect(defect([0xF4, 0x90, 0x80, 0x80]) == TextDefect(kind: .invalidUTF8, offset: 0))  // > U+10FFFF
    #expect(defect([0x80]) == TextDefect(kind: .invalidUTF8, offset: 0))  // lone continuation
  }
}

// MARK: - Preprocessing and tokenizing as D2L

@Suite struct PreprocessingDataTests {
  @Test func linesAreCleanedAsD2LsRegex() {
    #expect(preprocessLine("The Time Machine, by H. G. Wells [1898]") == "the time machine by h g wells")
    #expect(preprocessLine("  --Hello--World--  ") == "hello world")
    #expect(preprocessLine("café au lait") == "caf au lait")  // é is not in [A-Za-z]
    #expect(preprocessLine("I'm 42!") == "i m")
    #expect(preprocessLine("...") == "")
  }

  @Test func linesSplitLikePythonsReadlines() {
    #expect(preprocessLines("a\r\nb\rc\n\nd") == ["a", "b", "c", "", "d"])
    #expect(preprocessLines("x\n") == ["x"])
    #expect(preprocessLines("\n") == [""])
    #expect(preprocessLines("") == [])
    #expect(preprocessLines("one two\r\n") == ["one two"])
  }

  @Test func characterCorpusJoinsLinesWithNothingBetween() {
    #expect(preprocessCharacters("ab cd\r\nef\n\n  gh  ") == Array("ab cdefgh".utf8))
    #expect(preprocessCharacters("Hello,\nWorld!") == Array("helloworld".utf8))
  }

  @Test func tokenizesCharactersAndWords() {
    let lines = ["the time", "", "machine"]
    #expect(tokenize(lines, as: .char) == [["t", "h", "e", " ", "t", "i", "m", "e"], [], ["m", "a", "c", "h", "i", "n", "e"]])
    #expect(tokenize(lines, as: .word) == [["the", "time"], [], ["machine"]])
  }

  @Test(.enabled(if: DataTestFiles.available, skipReason))
  func timeMachineLinesAndWordsMatchD2L() throws {
    // Reference values from D2L's read_time_machine/tokenize/Vocab run in Python.
    let lines = try readTimeMachine(locator: DataTestFiles.locator())
    #expect(lines.count == 3221)
    #expect(lines[0] == "the time machine by h g wells")
    #expect(lines[10] == "twinkled and his usually pale face was flushed and animated the")
    let words = tokenize(lines, as: .word)
    let vocab = Vocab(lines: words)
    #expect(words.reduce(0) { $0 + $1.count } == 32775)
    #expect(vocab.count == 4580)
    #expect(Array(vocab.idxToToken.prefix(6)) == ["<unk>", "the", "i", "and", "of", "a"])
    #expect(vocab.tokenFrequencies.first! == (token: "the", frequency: 2261))
  }
}

// MARK: - Vocabulary

@Suite struct VocabDataTests {
  @Test func ordersByFrequencyWithTiesInFirstSeenOrder() {
    let vocab = Vocab(tokens: ["b", "a", "c", "a", "b", "d", "e", "e", "e"])
    #expect(vocab.idxToToken == ["<unk>", "e", "b", "a", "c", "d"])
    #expect(vocab.count == 6)
    #expect(vocab.tokenFrequencies.map(\.token) == ["e", "b", "a", "c", "d"])
    #expect(vocab.tokenFrequencies.map(\.frequency) == [3, 2, 2, 1, 1])
  }

  @Test func minFreqReservedTokensAndUnknowns() {
    let vocab = Vocab(tokens: ["x", "y", "y", "<pad>", "z", "z", "z"], minFreq: 2, reservedTokens: ["<pad>", "<bos>"])
    #expect(vocab.idxToToken == ["<unk>", "<pad>", "<bos>", "z", "y"])
    #expect(vocab["z"] == 3)
    #expect(vocab["x"] == 0)  // below minFreq
    #expect(vocab["never seen"] == 0)
    #expect(vocab.tokenFrequencies.count == 4)  // still counts tokens below minFreq
    #expect(vocab.indices(of: ["y", "q", "z"]) == [4, 0, 3])
    #expect(vocab.tokens(for: [4, 0, 3]) == ["y", "<unk>", "z"])
    #expect(vocab.tokenToIdx == ["<unk>": 0, "<pad>": 1, "<bos>": 2, "z": 3, "y": 4])
  }

  @Test func characterBytePathMatchesTheGeneralOne() {
    let text = "the quick brown fox jumps over the lazy dog and then some more text"
    let bytes = preprocessCharacters(text)
    let fast = bytes.withUnsafeBufferPointer { Vocab(characterBytes: $0) }
    let general = Vocab(tokens: bytes.map { String(UnicodeScalar($0)) })
    #expect(fast.idxToToken == general.idxToToken)
    #expect(fast.tokenFrequencies.map(\.frequency) == general.tokenFrequencies.map(\.frequency))
    let encoded = bytes.withUnsafeBufferPointer { fast.indices(ofCharacterBytes: $0) }.map { Int($0) }
    #expect(encoded == general.indices(of: bytes.map { String(UnicodeScalar($0)) }))
  }

  @Test func explicitTokenListIsValidated() throws {
    let vocab = try Vocab(idxToToken: ["<unk>", "a", "b"])
    #expect(vocab["b"] == 2 && vocab.tokenFrequencies.isEmpty)
    #expect(throws: DataError.self) { try Vocab(idxToToken: ["a", "<unk>"]) }
    #expect(throws: DataError.self) { try Vocab(idxToToken: []) }
    #expect(throws: DataError.self) { try Vocab(idxToToken: ["<unk>", "a", "a"]) }
  }

  @Test(.enabled(if: DataTestFiles.available, skipReason))
  func hardCodedTimeMachineVocabularyMatchesTheCorpus() throws {
    let (_, vocab) = try loadCorpusTimeMachine(locator: DataTestFiles.locator())
    #expect(vocab.idxToToken == Vocab.timeMachineCharacters)
    #expect(vocab == Vocab.timeMachine)
    #expect(vocab.tokenFrequencies.prefix(3).map(\.token) == [" ", "e", "t"])
  }
}

// MARK: - Against the PyTorch reference fixture (written by scripts/make_fixtures.py)

@Suite struct ReferenceFixtureDataTests {
  private struct Reference: Decodable {
    var idx_to_token: [String]
    var num_corpus_tokens: Int
    var num_lines: Int
    var first_tokens: [Int]
    var word_vocab_first20: [String]
    var token_freqs: [[TokenOrCount]]
  }

  private enum TokenOrCount: Decodable, Equatable {
    case token(String), count(Int)
    init(from decoder: Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let count = try? container.decode(Int.self) { self = .count(count) } else { self = .token(try container.decode(String.self)) }
    }
  }

  private static func reference() throws -> Reference {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/timemachine_vocab.json")
    return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
  }

  @Test func hardCodedVocabularyIsPyTorchs() throws {
    #expect(try Self.reference().idx_to_token == Vocab.timeMachineCharacters)
  }

  @Test(.enabled(if: DataTestFiles.available, skipReason))
  func corpusLinesAndFrequenciesArePyTorchs() throws {
    let reference = try Self.reference()
    let locator = DataTestFiles.locator()
    let (corpus, vocab) = try loadCorpusTimeMachine(locator: locator)
    #expect(corpus.count == reference.num_corpus_tokens)
    #expect(Array(corpus.prefix(reference.first_tokens.count)) == reference.first_tokens)
    #expect(vocab.tokenFrequencies.map { [TokenOrCount.token($0.token), .count($0.frequency)] } == reference.token_freqs)
    let lines = try readTimeMachine(locator: locator)
    #expect(lines.count == reference.num_lines)
    #expect(Array(Vocab(lines: tokenize(lines, as: .word)).idxToToken.prefix(20)) == reference.word_vocab_first20)
  }
}

// MARK: - The Time Machine corpus

@Suite struct TimeMachineDataTests {
  @Test(.enabled(if: DataTestFiles.available, skipReason))
  func corpusHas170580CharactersAnd28Tokens() throws {
    let (corpus, vocab) = try loadCorpusTimeMachine(locator: DataTestFiles.locator())
    #expect(corpus.count == 170_580)
    #expect(vocab.count == 28)
    #expect(vocab.tokens(for: Array(corpus.prefix(16))).joined() == "the time machine")
    #expect(corpus.allSatisfy { $0 > 0 && $0 < 28 })
  }

  @Test(.enabled(if: DataTestFiles.available, skipReason))
  func maxTokensCutsTheCorpusButNotTheVocabulary() throws {
    let locator = DataTestFiles.locator()
    let (full, fullVocab) = try loadCorpusTimeMachine(locator: locator)
    let (cut, cutVocab) = try loadCorpusTimeMachine(maxTokens: 10_000, locator: locator)
    #expect(cut.count == 10_000)
    #expect(cut == Array(full.prefix(10_000)))
    #expect(cutVocab == fullVocab)
  }

  @Test(.enabled(if: DataTestFiles.available, skipReason))
  func encodingOtherTextUsesTheGivenVocabulary() {
    #expect(encodeCharacters("Time, traveller!", with: .timeMachine)
      == Vocab.timeMachine.indices(of: "time traveller".map { String($0) }))
  }
}

// MARK: - Project Gutenberg books

@Suite struct GutenbergDataTests {
  @Test func cutsBetweenTheMarkerLinesToleratingCRLF() {
    let text = "Header\r\n*** START OF THIS PROJECT GUTENBERG EBOOK X ***\r\nBody one\r\nBody two\r\n"
      + "*** END OF THIS PROJECT GUTENBERG EBOOK X ***\r\nLicence\r\n*** START: FULL LICENSE ***\r\n"
    #expect(gutenbergBody(text) == "Body one\r\nBody two\r\n")
    #expect(gutenbergBody("no markers\nat all\n") == "no markers\nat all\n")
    #expect(gutenbergBody("h\n***START OF X\nbody\n") == "body\n")
    #expect(gutenbergBody("h\n*** START OF X\n*** END OF X\n") == "")
  }

  @Test(.enabled(if: DataTestFiles.hasBooks, "needs the Gutenberg books in D2L_DATA_DIR"))
  func realBookLosesHeaderAndLicence() throws {
    let body = try loadBooks(paths: [DataTestFiles.path("wells-war-of-the-worlds.txt")])
    #expect(body.utf8.count == 345_833)  // bytes between the markers, from Python
    #expect(!body.contains("*** START OF") && !body.contains("*** END OF"))
    #expect(!body.contains("Character set encoding") && !body.contains("FULL LICENSE"))
    #expect(body.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("The War of the Worlds\r\n\r\nby H. G. Wells"))
    #expect(body.contains("that I have counted her, and that she has counted me, among the dead."))
    #expect(try CharCorpus(text: body).tokens.count == 321_535)  // D2L preprocessing in Python
  }

  @Test(.enabled(if: DataTestFiles.hasBooks, "needs the Gutenberg books in D2L_DATA_DIR"))
  func severalBooksFormOneCorpus() throws {
    let names = ["wells-war-of-the-worlds.txt", "carroll-alices-adventures-in-wonderland.txt"]
    let both = try loadBooks(named: names, locator: DataTestFiles.locator())
    #expect(both.utf8.count == 345_833 + 147_881)
    #expect(both.contains("ALICE'S ADVENTURES IN WONDERLAND") && both.contains("The War of the Worlds"))
    #expect(try CharCorpus(text: both).tokens.count == 321_535 + 132_666)
  }
}

// MARK: - Streaming a corpus in chunks

@Suite struct CharCorpusReaderDataTests {
  @Test(.enabled(if: DataTestFiles.available, skipReason))
  func streamedTokensEqualTheLoadedCorpus() throws {
    let (corpus, vocab) = try loadCorpusTimeMachine(locator: DataTestFiles.locator())
    let reader = try CharCorpusReader(
      url: URL(fileURLWithPath: DataTestFiles.path("timemachine.txt")), vocab: vocab,
      chunkSize: 50_000, gutenbergBodyOnly: false, readSize: 4093)
    var chunks: [[Int32]] = []
    while let chunk = try reader.nextChunk() { chunks.append(chunk) }
    #expect(chunks.map(\.count) == [50_000, 50_000, 50_000, 20_580])
    #expect(chunks.joined().map(Int.init) == corpus)
  }

  @Test(.enabled(if: DataTestFiles.hasBooks, "needs the Gutenberg books in D2L_DATA_DIR"))
  func streamingAGutenbergFileWithCRLFMatchesLoadBooks() throws {
    let path = DataTestFiles.path("carroll-alices-adventures-in-wonderland.txt")
    let expected = encodeCharacters(try loadBooks(paths: [path]), with: .timeMachine)
    // An odd read size splits many "\r\n" pairs across reads.
    let reader = try CharCorpusReader(
      url: URL(fileURLWithPath: path), vocab: .timeMachine, chunkSize: 7_777, gutenbergBodyOnly: true, readSize: 97)
    #expect(try reader.readAll().map(Int.init) == expected)
  }

  @Test func crlfAcrossReadsAndBinaryLinesAreHandled() throws {
    try DataTestFiles.withTemporaryDirectory { dir in
      let url = dir.appendingPathComponent("t.txt")
      try Data("ab\r\ncd\ref\n\r\ngh".utf8).write(to: url)
      for readSize in 1...6 {
        let reader = try CharCorpusReader(url: url, vocab: .timeMachine, chunkSize: 3, gutenbergBodyOnly: false, readSize: readSize)
        #expect(try reader.readAll() == Vocab.timeMachine.indices(of: "abcdefgh".map { String($0) }).map(Int32.init))
      }
      try Data("fine\nbad\u{0}line\n".utf8).write(to: url)
      let reader = try CharCorpusReader(url: url, vocab: .timeMachine)
      #expect(throws: DataError.binaryFile(path: url.path, reason: "a NUL byte at line 2")) { try reader.readAll() }
    }
  }
}
