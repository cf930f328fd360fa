/// The letter styles of LaTeX's font commands, mapped to Unicode's mathematical alphabets.
enum MathFont: Equatable {
  /// Plain letters: the terminal's font, no Unicode italic (easier to read and to copy).
  case normal
  /// `\mathbf`, `\boldsymbol`: 𝐇, 𝐱, 𝟏, 𝛉.
  case bold
  /// `\mathbb`: ℝ, ℕ, 𝔼.
  case blackboard
  /// `\mathcal`: ℒ, 𝒪.
  case calligraphic

  /// The character in this font, or the character itself where Unicode has no such letter.
  func apply(to character: Character) -> String {
    guard self != .normal, let scalar = character.unicodeScalars.first,
      character.unicodeScalars.count == 1
    else { return String(character) }
    let value = scalar.value
    let mapped: UInt32?
    switch self {
    case .normal: mapped = nil
    case .bold: mapped = MathFont.bold(value)
    case .blackboard: mapped = MathFont.blackboard(value)
    case .calligraphic: mapped = MathFont.calligraphic(value)
    }
    guard let mapped, let result = Unicode.Scalar(mapped) else { return String(character) }
    return String(Character(result))
  }

  // MARK: - Code points (Unicode's Mathematical Alphanumeric Symbols block)

  private static func offset(_ value: UInt32, in range: ClosedRange<UInt32>) -> UInt32? {
    range.contains(value) ? value - range.lowerBound : nil
  }

  private static let upper: ClosedRange<UInt32> = 0x41...0x5A
  private static let lower: ClosedRange<UInt32> = 0x61...0x7A
  private static let digits: ClosedRange<UInt32> = 0x30...0x39

  private static func bold(_ value: UInt32) -> UInt32? {
    if let i = offset(value, in: upper) { return 0x1D400 + i }
    if let i = offset(value, in: lower) { return 0x1D41A + i }
    if let i = offset(value, in: digits) { return 0x1D7CE + i }
    // Greek: the bold block follows the order of U+0391…U+03C9 (the hole at U+03A2 holds
    // the theta symbol in the math block, but U+03A2 itself is unassigned).
    if let i = offset(value, in: 0x391...0x3A9) { return 0x1D6A8 + i }
    if let i = offset(value, in: 0x3B1...0x3C9) { return 0x1D6C2 + i }
    let variants: [UInt32: UInt32] = [
      0x3F5: 0x1D6DC, 0x3D1: 0x1D6DD, 0x3F0: 0x1D6DE, 0x3D5: 0x1D6DF, 0x3F1: 0x1D6E0,
      0x3D6: 0x1D6E1, 0x2202: 0x1D6DB, 0x2207: 0x1D6C1,
    ]
    return variants[value]
  }

  private static func blackboard(_ value: UInt32) -> UInt32? {
    // Letters that existed in Letterlike Symbols before the math block left holes there.
    let letterlike: [UInt32: UInt32] = [
      0x43: 0x2102, 0x48: 0x210D, 0x4E: 0x2115, 0x50: 0x2119, 0x51: 0x211A, 0x52: 0x211D,
      0x5A: 0x2124,
    ]
    if let special = letterlike[value] { return special }
    if let i = offset(value, in: upper) { return 0x1D538 + i }
    if let i = offset(value, in: lower) { return 0x1D552 + i }
    if let i = offset(value, in: digits) { return 0x1D7D8 + i }
    return nil
  }

  private static func calligraphic(_ value: UInt32) -> UInt32? {
    let letterlike: [UInt32: UInt32] = [
      0x42: 0x212C, 0x45: 0x2130, 0x46: 0x2131, 0x48: 0x210B, 0x49: 0x2110, 0x4C: 0x2112,
      0x4D: 0x2133, 0x52: 0x211B, 0x65: 0x212F, 0x67: 0x210A, 0x6F: 0x2134,
    ]
    if let special = letterlike[value] { return special }
    if let i = offset(value, in: upper) { return 0x1D49C + i }
    if let i = offset(value, in: lower) { return 0x1D4B6 + i }
    return nil
  }
}
