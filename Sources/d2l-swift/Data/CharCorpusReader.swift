import Foundation

/// Streams a text file's character corpus as token indices, in chunks, without holding the
/// whole text: for evaluating a model on files too large to load at once.
///
/// The file is read line by line with D2L's preprocessing (the same tokens as `CharCorpus`,
/// in the same order) and encoded with a given vocabulary; characters it lacks become 0
/// (`<unk>`). Every chunk has `chunkSize` tokens except the last.
///
///     let reader = try CharCorpusReader(url: url, vocab: .timeMachine)
///     while let chunk = try reader.nextChunk() { evaluate(chunk) }
public final class CharCorpusReader {
  /// The vocabulary the tokens are encoded with.
  public let vocab: Vocab
  /// The number of tokens per chunk (the last chunk may be shorter).
  public let chunkSize: Int
  private let url: URL
  private let lines: ByteLineReader
  /// Lines to use, as 0-based line numbers (the Gutenberg body, or every line).
  private let lineRange: Range<Int>
  private var pending: [UInt8] = []
  private var finished = false
  /// The 0-based line the next segment belongs to.
  private var lineNumber = 0
  private var preprocessor = LinePreprocessor()
  /// The longest piece of a line read at once.
  private let segmentLength: Int

  /// Opens `url` for streaming.
  /// - Parameters:
  ///   - url: the text file.
  ///   - vocab: the vocabulary to encode characters with.
  ///   - chunkSize: tokens per chunk.
  ///   - gutenbergBodyOnly: keep only the text between the `*** START OF` / `*** END OF`
  ///     lines (costs one extra pass over the file to find them).
  /// - Throws: `DataError.emptyFile` for an empty file; Foundation's error if it cannot be opened.
  public convenience init(url: URL, vocab: Vocab, chunkSize: Int = 1 << 20, gutenbergBodyOnly: Bool = false) throws {
    try self.init(url: url, vocab: vocab, chunkSize: chunkSize, gutenbergBodyOnly: gutenbergBodyOnly, readSize: 1 << 20)
  }

  /// As the public init, with the file read `readSize` bytes at a time and lines in pieces of
  /// at most `segmentLength` bytes (both small in tests).
  init(url: URL, vocab: Vocab, chunkSize: Int, gutenbergBodyOnly: Bool, readSize: Int, segmentLength: Int = 1 << 16) throws {
    check(chunkSize > 0, "chunkSize must be positive")
    check(segmentLength >= 4, "segmentLength must hold a whole UTF-8 sequence")
    self.segmentLength = segmentLength
    let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue
    if size == 0 { throw DataError.emptyFile(path: url.path) }
    self.url = url
    self.vocab = vocab
    self.chunkSize = chunkSize
    self.lines = try ByteLineReader(url: url, readSize: readSize)
    self.lineRange = gutenbergBodyOnly
      ? try Self.gutenbergLineRange(url: url, readSize: readSize) : 0..<Int.max
  }

  /// The next chunk of token indices, or nil when the file is exhausted.
  /// - Throws: `DataError.binaryFile` at the first line with a NUL byte or invalid UTF-8.
  public func nextChunk() throws -> [Int32]? {
    // Lines are read in pieces, so that a file without line breaks streams too.
    while !finished && pending.count < chunkSize {
      guard let (segment, endsLine) = try lines.nextSegment(maxLength: segmentLength) else {
        finished = true
        break
      }
      let number = lineNumber
      if endsLine { lineNumber += 1 }
      if number < lineRange.lowerBound { continue }
      if number >= lineRange.upperBound {
        finished = true
        break
      }
      try segment.withUnsafeBufferPointer { bytes in
        if let defect = firstTextDefect(bytes) {
          throw DataError.binaryFile(path: url.path, reason: defect.reason(line: number))
        }
        preprocessor.append(bytes, to: &pending)
      }
      if endsLine { preprocessor.endLine() }
    }
    guard !pending.isEmpty else { return nil }
    let taken = min(chunkSize, pending.count)
    let chunk = pending.withUnsafeBufferPointer {
      vocab.indices(ofCharacterBytes: UnsafeBufferPointer(rebasing: $0[..<taken]))
    }
    pending.removeFirst(taken)
    return chunk
  }

  /// Every remaining token index (for files that do fit in memory).
  public func readAll() throws -> [Int32] {
    var all: [Int32] = []
    while let chunk = try nextChunk() { all += chunk }
    return all
  }

  /// The 0-based numbers of the lines between the Gutenberg markers (see `gutenbergBodyRange`).
  private static func gutenbergLineRange(url: URL, readSize: Int) throws -> Range<Int> {
    let scan = try ByteLineReader(url: url, readSize: readSize)
    var first = 0
    var seenStart = false
    while let line = try scan.nextLine() {
      let number = scan.lineNumber - 1
      switch GutenbergMarker(line: line) {
      case .start? where !seenStart:
        seenStart = true
        first = number + 1
      case .end?:
        return first..<max(first, number)
      default:
        break
      }
    }
    return first..<Int.max
  }
}
