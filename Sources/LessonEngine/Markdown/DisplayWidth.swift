/// How many terminal columns text occupies.
///
/// `String.count` counts characters, but a terminal gives CJK and emoji two columns and
/// combining marks (the hat in `ŷ`) none; wrapping and alignment must use columns.
enum DisplayWidth {
  /// Columns taken by `text` (which must not contain escape sequences).
  static func of<S: StringProtocol>(_ text: S) -> Int {
    var total = 0
    for character in text { total += of(character) }
    return total
  }

  /// Columns taken by one grapheme cluster: 0, 1 or 2.
  static func of(_ character: Character) -> Int {
    if character.isASCII { return character == "\u{1B}" ? 0 : 1 }
    var width = 0
    for scalar in character.unicodeScalars {
      // An emoji presentation selector makes the whole cluster a two-column emoji.
      if scalar.value == 0xFE0F { return 2 }
      width = max(width, of(scalar))
    }
    return width
  }

  static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return 0
    default: break
    }
    if value == 0x200B || (0x1160...0x11FF).contains(value) { return 0 }
    if scalar.properties.isEmojiPresentation { return 2 }
    return wideRanges.contains { $0.contains(value) } ? 2 : 1
  }

  /// East Asian Wide and Fullwidth blocks (the common ones; Unicode's EastAsianWidth.txt).
  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
    0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
    0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD,
    0x30000...0x3FFFD,
  ]
}
