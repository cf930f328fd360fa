/// D2L's text preprocessing, on UTF-8 bytes.
///
/// D2L reads a file with Python's `readlines()` (universal newlines: `\n`, `\r\n` and `\r`
/// each end a line) and maps every line through
/// `re.sub('[^A-Za-z]+', ' ', line).strip().lower()`. Only ASCII letters survive, so the
/// same can be done byte by byte: a run of any other bytes (a multi-byte character included)
/// becomes one space, and spaces at either end of the line are dropped.

/// Calls `body` with each line of `bytes`, without its terminator, as `readlines()` splits.
///
/// A final empty piece after the last terminator is not a line (`"a\n"` has one line).
func forEachLine(
  in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void
) rethrows {
  let count = bytes.count
  var start = 0
  var i = 0
  while i < count {
    let byte = bytes[i]
    if byte == 0x0A || byte == 0x0D {
      try body(UnsafeBufferPointer(rebasing: bytes[start..<i]))
      i += (byte == 0x0D && i + 1 < count && bytes[i + 1] == 0x0A) ? 2 : 1
      start = i
    } else {
      i += 1
    }
  }
  if start < count { try body(UnsafeBufferPointer(rebasing: bytes[start..<count])) }
}

/// Appends D2L's preprocessing of one line (lower-case letters, single spaces, stripped).
@inline(__always)
func appendPreprocessedLine(_ line: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
  var whole = LinePreprocessor()
  whole.append(line, to: &output)
}

/// `appendPreprocessedLine` for a line that arrives in pieces: the same output, with the
/// state between pieces (a pending space, whether a letter was written) carried along.
struct LinePreprocessor {
  private var pendingSpace = false
  private var wroteLetter = false

  /// Appends the preprocessing of the next piece of the current line.
  mutating func append(_ piece: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    for byte in piece {
      let lower = byte | 0x20  // maps A-Z onto a-z and leaves a-z alone
      if lower >= 0x61 && lower <= 0x7A {
        if pendingSpace && wroteLetter { output.append(0x20) }
        pendingSpace = false
        output.append(lower)
        wroteLetter = true
      } else {
        pendingSpace = true
      }
    }
  }

  /// Starts a new line (the trailing space of the last one is dropped, as `strip()` does).
  mutating func endLine() {
    pendingSpace = false
    wroteLetter = false
  }
}

/// The preprocessed lines of `text`, as D2L's `read_time_machine` returns them.
public func preprocessLines(_ text: String) -> [String] {
  var text = text
  return text.withUTF8 { preprocessLines($0) }
}

/// The preprocessed lines of UTF-8 `bytes`.
public func preprocessLines(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
  var lines: [String] = []
  var scratch: [UInt8] = []
  forEachLine(in: bytes) { line in
    scratch.removeAll(keepingCapacity: true)
    appendPreprocessedLine(line, to: &scratch)
    lines.append(String(decoding: scratch, as: UTF8.self))
  }
  return lines
}

/// One line preprocessed as D2L does: `re.sub('[^A-Za-z]+', ' ', line).strip().lower()`.
public func preprocessLine(_ line: String) -> String {
  var scratch: [UInt8] = []
  var line = line
  line.withUTF8 { appendPreprocessedLine($0, to: &scratch) }
  return String(decoding: scratch, as: UTF8.self)
}

/// D2L's character corpus of `bytes`: every preprocessed line's characters, concatenated
/// with nothing between lines, as ASCII bytes (`a`-`z` and space). One pass, no Strings.
public func preprocessCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
  var output: [UInt8] = []
  output.reserveCapacity(bytes.count)
  forEachLine(in: bytes) { appendPreprocessedLine($0, to: &output) }
  return output
}

/// D2L's character corpus of `text` as ASCII bytes; see `preprocessCharacters(_:)`.
public func preprocessCharacters(_ text: String) -> [UInt8] {
  var text = text
  return text.withUTF8 { preprocessCharacters($0) }
}
