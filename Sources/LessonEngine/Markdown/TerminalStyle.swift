#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// ANSI text attributes, and the decision whether to use them at all.
public struct TerminalStyle: Equatable, Sendable {
  /// Foreground colours (SGR codes).
  public enum Color: Int, Sendable {
    case red = 31
    case green = 32
    case yellow = 33
    case blue = 34
    case magenta = 35
    case cyan = 36
    case gray = 90
  }

  public var bold = false
  public var dim = false
  public var italic = false
  public var underline = false
  public var color: Color?

  public static let plain = TerminalStyle()

  /// This style with `other`'s attributes added (an inner colour wins).
  public func adding(_ other: TerminalStyle) -> TerminalStyle {
    TerminalStyle(
      bold: bold || other.bold, dim: dim || other.dim, italic: italic || other.italic,
      underline: underline || other.underline, color: other.color ?? color)
  }

  /// The escape sequence that switches this style on (from a reset terminal).
  public var escapeSequence: String {
    var codes: [String] = []
    if bold { codes.append("1") }
    if dim { codes.append("2") }
    if italic { codes.append("3") }
    if underline { codes.append("4") }
    if let color { codes.append(String(color.rawValue)) }
    return codes.isEmpty ? "" : "\u{1B}[" + codes.joined(separator: ";") + "m"
  }

  public static let reset = "\u{1B}[0m"

  /// Whether to colour output, following <https://no-color.org> and common CLI practice.
  /// - Parameters:
  ///   - isTTY: whether the output is a terminal (`isatty(STDOUT_FILENO) != 0`).
  ///   - environment: the process environment; a non-empty `NO_COLOR` or `TERM=dumb` turns
  ///     colour off.
  ///   - flag: `--color` (true) or `--no-color` (false) from the command line; it overrides
  ///     everything else. nil means automatic.
  public static func shouldUseColor(isTTY: Bool, environment: [String: String], flag: Bool?) -> Bool {
    if let flag { return flag }
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
    if environment["TERM"] == "dumb" { return false }
    return isTTY
  }

  /// The width to render at: the terminal's columns (or `COLUMNS`), capped at `maximum`
  /// because long lines are hard to read, and `fallback` when there is no terminal.
  public static func renderWidth(
    fileDescriptor: Int32 = 1, environment: [String: String], fallback: Int = 80,
    maximum: Int = 100
  ) -> Int {
    var columns = 0
    #if canImport(Glibc) || canImport(Darwin)
      var size = winsize()
      if ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0 { columns = Int(size.ws_col) }
    #endif
    if columns <= 0, let value = environment["COLUMNS"].flatMap(Int.init) { columns = value }
    if columns <= 0 { columns = fallback }
    return max(20, min(columns, maximum))
  }
}

/// A run of text in one style. Breakable fragments may be wrapped at their spaces;
/// others (code spans, math, references) move to the next line as a whole.
public struct StyledFragment: Equatable {
  public var text: String
  public var style: TerminalStyle = .plain
  public var breakable = true
}

extension Array where Element == StyledFragment {
  /// The fragments as one line, with escape sequences only where the style changes.
  public func rendered(color: Bool) -> String {
    var output = ""
    var current = TerminalStyle.plain
    for fragment in self {
      if color, fragment.style != current {
        if current != .plain { output += TerminalStyle.reset }
        output += fragment.style.escapeSequence
        current = fragment.style
      }
      output += fragment.text
    }
    if color, current != .plain { output += TerminalStyle.reset }
    return output
  }

  public var displayWidth: Int { reduce(0) { $0 + DisplayWidth.of($1.text) } }
}
