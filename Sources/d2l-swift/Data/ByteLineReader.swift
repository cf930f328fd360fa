import Foundation

/// Reads a file line by line in fixed-size chunks, never holding more than one chunk plus
/// the current line. Lines end as in Python's universal newlines (`\n`, `\r\n`, `\r`) and are
/// returned without their terminator; a `\r\n` split across two chunks still counts once.
final class ByteLineReader {
  private let handle: FileHandle
  private let readSize: Int
  private var buffer: [UInt8] = []
  private var position = 0
  private var atEndOfFile = false
  /// The previous line ended in `\r`; a `\n` right after it belongs to that terminator.
  private var skipLineFeed = false
  /// The 0-based number of the next line `nextLine()` returns.
  private(set) var lineNumber = 0
  /// `nextSegment` has handed out part of a line whose end is still to come.
  private var inLine = false

  init(url: URL, readSize: Int = 1 << 20) throws {
    check(readSize > 0, "readSize must be positive")
    handle = try FileHandle(forReadingFrom: url)
    self.readSize = readSize
  }

  deinit { try? handle.close() }

  /// The next line's bytes, or nil at the end of the file.
  func nextLine() throws -> ArraySlice<UInt8>? {
    while true {
      if skipLineFeed && position < buffer.count {
        if buffer[position] == 0x0A { position += 1 }
        skipLineFeed = false
      }
      if let end = buffer[position...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
        let line = buffer[position..<end]
        skipLineFeed = buffer[end] == 0x0D
        position = end + 1
        lineNumber += 1
        return line
      }
      if atEndOfFile {
        guard position < buffer.count else { return nil }
        let line = buffer[position...]
        position = buffer.count
        lineNumber += 1
        return line
      }
      try readMore()
    }
  }

  /// The next piece of the current line: at most `maxLength` bytes (never cutting a UTF-8
  /// sequence in two), and whether it ends the line; nil at the end of the file. Unlike
  /// `nextLine()`, memory stays bounded on a file with a gigantic line (no line breaks).
  func nextSegment(maxLength: Int) throws -> (bytes: ArraySlice<UInt8>, endsLine: Bool)? {
    check(maxLength >= 4, "maxLength must hold a whole UTF-8 sequence")
    while true {
      if skipLineFeed && position < buffer.count {
        if buffer[position] == 0x0A { position += 1 }
        skipLineFeed = false
      }
      let limit = min(buffer.count, position + maxLength)
      if let end = buffer[position..<limit].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
        let segment = buffer[position..<end]
        skipLineFeed = buffer[end] == 0x0D
        position = end + 1
        lineNumber += 1
        inLine = false
        return (segment, true)
      }
      if buffer.count - position > maxLength {
        // A long line: hand out a piece, cut before a continuation byte (10xxxxxx); the byte
        // at `limit` exists, so the cut can look at it.
        var cut = limit
        while cut > limit - 3, buffer[cut] & 0xC0 == 0x80 { cut -= 1 }
        let segment = buffer[position..<cut]
        position = cut
        inLine = true
        return (segment, false)
      }
      if atEndOfFile {
        guard position < buffer.count || inLine else { return nil }
        let segment = buffer[position...]
        position = buffer.count
        lineNumber += 1
        inLine = false
        return (segment, true)
      }
      try readMore()
    }
  }

  /// Keeps the unfinished line and appends the next block of the file (or notes its end).
  private func readMore() throws {
    buffer.removeFirst(position)
    position = 0
    if let data = try handle.read(upToCount: readSize), !data.isEmpty {
      buffer.append(contentsOf: data)
    } else {
      atEndOfFile = true
    }
  }
}
