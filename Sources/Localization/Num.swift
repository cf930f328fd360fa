import Foundation

/// How a language writes numbers: the separator between groups of thousands, the one before
/// decimals, and what stands for a number that is not finite.
public struct NumberStyle: Sendable {
  public let group: String
  public let decimal: String
  public let notANumber: String

  public init(group: String, decimal: String, notANumber: String) {
    self.group = group
    self.decimal = decimal
    self.notANumber = notANumber
  }
}

/// Numbers as the language writes them: digits grouped by thousands, with `,` between groups
/// and `.` before decimals in English (1,872,264 and 1.5) and the other way round in
/// Vietnamese (1.872.264 và 1,5). A language without a style here is written as English is;
/// a lesson that brings a language registers its style (`Num.styles[Language(rawValue: "de")]
/// = NumberStyle(group: ".", decimal: ",", notANumber: "k. A.")`).
public enum Num {
  /// The number styles, by language.
  nonisolated(unsafe) public static var styles: [Language: NumberStyle] = [
    .en: NumberStyle(group: ",", decimal: ".", notANumber: "n/a"),
    .vi: NumberStyle(group: ".", decimal: ",", notANumber: "k/c"),
  ]

  /// The style of `language`, English's when it has none.
  static func style(_ language: Language) -> NumberStyle { styles[language] ?? styles[.en]! }

  /// The separators of `language`: between thousands, and before decimals.
  static func separators(_ language: Language) -> (group: String, decimal: String) {
    let style = style(language)
    return (style.group, style.decimal)
  }

  /// An integer with its thousands grouped: `1,872,264` / `1.872.264`.
  public static func int(_ n: Int, language: Language = Language.current) -> String {
    let digits = String(n.magnitude)
    return (n < 0 ? "-" : "") + group(digits, separators(language).group)
  }

  /// `v` with `digits` decimals and its integer part grouped: `18.327` / `18,327`, `1,872,264`.
  /// Not finite: `n/a` (`k/c` in Vietnamese).
  public static func fixed(_ v: Double, _ digits: Int, language: Language = Language.current) -> String {
    guard v.isFinite else { return style(language).notANumber }
    let text = String(format: "%.\(max(digits, 0))f", abs(v))
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    let (groupSeparator, decimal) = separators(language)
    var result = group(String(parts[0]), groupSeparator)
    if parts.count > 1 { result += decimal + parts[1] }
    // -0.00 reads as 0.00.
    let negative = v < 0 && result.contains(where: { $0 != "0" && $0.isNumber })
    return (negative ? "-" : "") + result
  }

  /// `fixed` with a sign always: `+0.4`, `-1.99`.
  public static func signed(_ v: Double, _ digits: Int, language: Language = Language.current) -> String {
    let text = fixed(v, digits, language: language)
    return v.isFinite && !text.hasPrefix("-") ? "+" + text : text
  }

  /// A share as a percentage: `44%`, `12.5%` / `12,5%`.
  public static func percent(_ share: Double, _ digits: Int = 0, language: Language = Language.current) -> String {
    fixed(100 * share, digits, language: language) + "%"
  }

  /// A relative change as a signed percentage: `-1.9%` / `-1,9%`.
  public static func change(from a: Double, to b: Double, language: Language = Language.current) -> String {
    signed(100 * (b - a) / a, 1, language: language) + "%"
  }

  /// Scientific notation with `digits` decimals: `4.47e-08` / `4,47e-08`.
  public static func scientific(_ v: Double, _ digits: Int = 2, language: Language = Language.current) -> String {
    let text = String(format: "%.\(digits)e", v)
    return text.replacingOccurrences(of: ".", with: style(language).decimal)
  }

  /// A Float without a trailing `.0`: `2`, `0.5` / `0,5`.
  public static func compact(_ v: Float, language: Language = Language.current) -> String {
    if v == v.rounded(), abs(v) < 1e9 { return int(Int(v), language: language) }
    let text = "\(v)"
    return text.replacingOccurrences(of: ".", with: style(language).decimal)
  }

  private static func group(_ digits: String, _ separator: String) -> String {
    var out = ""
    for (k, c) in digits.enumerated() {
      if k > 0, (digits.count - k) % 3 == 0 { out += separator }
      out.append(c)
    }
    return out
  }
}
