/// One key as the walk reads it: a character, or a whole escape sequence (an arrow, Home,
/// PageDown, F1…), so that the Esc that opens a sequence is never taken for a key of its own.
enum KeyPress: Equatable {
  /// A character typed (UTF-8 decoded), control characters included.
  case character(Character)
  /// A terminal escape sequence, kept whole: CSI (`ESC [ params final`), SS3 (`ESC O x`), or
  /// Alt with a key (`ESC x`).
  case sequence([UInt8])
  /// Esc alone: nothing followed it within the short wait.
  case escape
  /// The terminal changed size (SIGWINCH).
  case resize
  /// End of input.
  case end

  /// Ctrl-C and Ctrl-D as bytes: in key-at-a-time mode the terminal passes Ctrl-D through.
  static let controlD = Character("\u{04}")
  static let controlC = Character("\u{03}")
}

/// Turns bytes into `KeyPress`es. `read(timeout)` gives the next byte, nil when none came
/// within `timeout` seconds (nil timeout: wait as long as it takes; the source may answer
/// `.resize` instead through `interrupted`).
struct KeyDecoder {
  enum Byte { case byte(UInt8), timedOut, resized, end }

  /// How long to wait after an Esc for the rest of a sequence: terminals send a sequence in
  /// one write, so a few tens of milliseconds tell a lone Esc from one.
  static let escapeWait = 0.05
  /// A CSI sequence longer than this is not a key; it is cut off there (and ignored).
  static let longestSequence = 32

  let read: (_ timeout: Double?) -> Byte

  func next() -> KeyPress {
    switch read(nil) {
    case .end, .timedOut: return .end
    case .resized: return .resize
    case .byte(0x1B): return escape()
    case .byte(let first): return .character(character(startingWith: first))
    }
  }

  private func escape() -> KeyPress {
    guard case .byte(let second) = read(Self.escapeWait) else { return .escape }
    var bytes: [UInt8] = [0x1B, second]
    switch second {
    case UInt8(ascii: "["):
      // Parameters and intermediates (0x20–0x3F), then one final byte (0x40–0x7E).
      while bytes.count < Self.longestSequence, case .byte(let b) = read(Self.escapeWait) {
        bytes.append(b)
        if (0x40...0x7E).contains(b) { break }
      }
    case UInt8(ascii: "O"):
      if case .byte(let b) = read(Self.escapeWait) { bytes.append(b) }
    default:
      break
    }
    return .sequence(bytes)
  }

  /// A UTF-8 character whose first byte is `first`; a malformed one becomes U+FFFD.
  private func character(startingWith first: UInt8) -> Character {
    let count = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
    var bytes = [first]
    while bytes.count < count, case .byte(let b) = read(Self.escapeWait) { bytes.append(b) }
    return String(decoding: bytes, as: UTF8.self).first ?? "\u{FFFD}"
  }
}
