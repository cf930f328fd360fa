/// Why a run of bytes is not text: the first NUL byte or invalid UTF-8 sequence.
struct TextDefect: Equatable {
  enum Kind: Equatable { case nulByte, invalidUTF8 }
  var kind: Kind
  /// Byte offset of the defect within the checked bytes.
  var offset: Int

  /// A reason for `DataError.binaryFile`, e.g. "a NUL byte at byte offset 12".
  func reason(offsetBase: Int = 0, line: Int? = nil) -> String {
    let what = kind == .nulByte ? "a NUL byte" : "invalid UTF-8"
    let whereText = line.map { "line \($0 + 1)" } ?? "byte offset \(offsetBase + offset)"
    return "\(what) at \(whereText)"
  }
}

/// The first NUL byte or invalid UTF-8 sequence in `bytes`, or nil for clean text.
///
/// One pass with an ASCII fast path. Line terminators never occur inside a multi-byte
/// sequence, so checking a file line by line gives the same answer as checking it whole.
func firstTextDefect(_ bytes: UnsafeBufferPointer<UInt8>) -> TextDefect? {
  let count = bytes.count
  var i = 0
  while i < count {
    let lead = bytes[i]
    if lead < 0x80 {
      if lead == 0 { return TextDefect(kind: .nulByte, offset: i) }
      i += 1
      continue
    }
    // Continuation bytes needed, and the allowed range of the first one (RFC 3629 table).
    var needed = 0
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: needed = 1
    case 0xE0: needed = 2; low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: needed = 2
    case 0xED: needed = 2; high = 0x9F
    case 0xF0: needed = 3; low = 0x90
    case 0xF1...0xF3: needed = 3
    case 0xF4: needed = 3; high = 0x8F
    default: return TextDefect(kind: .invalidUTF8, offset: i)
    }
    guard i + needed < count, (low...high).contains(bytes[i + 1]) else {
      return TextDefect(kind: .invalidUTF8, offset: i)
    }
    var k = 2
    while k <= needed {
      guard (0x80...0xBF).contains(bytes[i + k]) else { return TextDefect(kind: .invalidUTF8, offset: i) }
      k += 1
    }
    i += needed + 1
  }
  return nil
}
