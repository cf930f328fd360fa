/// A block of lesson prose, ready to render: math is already Unicode, references are resolved,
/// labels are attached (and gone from the text), headings, figures and equations are numbered.
public indirect enum MarkdownBlock: Equatable, Sendable {
  /// A heading with its section number (`1.2`; hierarchical from the top heading level).
  case heading(level: Int, number: String, content: [MarkdownInline], line: Int)
  case paragraph([MarkdownInline], line: Int)
  case list(MarkdownList)
  case blockQuote([MarkdownBlock])
  /// A code block that is not a step: `language` is the info string's first word.
  case codeBlock(language: String?, code: String, line: Int)
  /// A display equation: a ```` ```math ```` block or a paragraph's `$$…$$`.
  case equation(Equation)
  /// A pipe table (CommonMark has none, so its rows arrive as lines), numbered for `:numref:`.
  case table(rows: [[MarkdownInline]], number: Int, line: Int)
  /// Raw HTML (comments are dropped by the parser).
  case html(String)
  case thematicBreak
}

/// A bullet or ordered list.
public struct MarkdownList: Equatable, Sendable {
  var isOrdered: Bool
  /// The number of the first item (`3.` starts at 3).
  var start: Int
  /// `1)` rather than `1.`.
  var usesParenDelimiter: Bool
  /// Tight lists have no blank lines between items.
  var isTight: Bool
  /// Each item is a list of blocks (a paragraph, maybe a nested list).
  var items: [[MarkdownBlock]]
}

/// A display equation rendered to Unicode lines.
public struct Equation: Equatable, Sendable {
  var lines: [String]
  /// Shown as `(number)` at the right; set when the equation carries a label.
  var number: Int?
  var label: String?
  var line: Int
  /// Position among all display equations; numbers are assigned from it once labels are known.
  var index: Int
}

/// Inline content of a paragraph or heading.
public indirect enum MarkdownInline: Equatable, Sendable {
  case text(String)
  case code(String)
  case emphasis([MarkdownInline])
  case strong([MarkdownInline])
  case link(url: String, content: [MarkdownInline])
  /// An image, shown as a captioned placeholder; `figure` is its 1-based figure number.
  case image(url: String, caption: [MarkdownInline], figure: Int)
  /// Inline math, already rendered to Unicode.
  case math(String)
  /// A resolved `:numref:` / `:eqref:`: the text to show (`Section 1.2`, `Fig. 1`, `(3)`).
  case reference(name: String, text: String)
  /// A `:cite:` role, shown as `[key]`.
  case citation(String)
  case softBreak
  case lineBreak
  case html(String)
}
