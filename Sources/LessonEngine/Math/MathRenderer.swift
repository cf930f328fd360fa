/// Renders D2L's LaTeX subset as Unicode text for the terminal.
///
///     try MathRenderer.render(#"\mathbf{H}_t^{(l)} \in \mathbb{R}^{n \times h}"#)
///     // "𝐇ₜ⁽ˡ⁾ ∈ ℝⁿˣʰ"
///
/// Letters stay upright (the terminal's font) except under font commands; sub- and
/// superscripts use Unicode's small forms where every character of every script in the
/// formula has one, and otherwise all of the formula's scripts fall back to `_t`, `_(hq)`,
/// `^(l)` (one notation per formula); `\frac{a}{b}` becomes `a/b`. Unknown commands throw
/// `MathError.unknownCommand` rather than leaking raw LaTeX into the lesson.
public enum MathRenderer {
  /// The formula as text, lines (from `\\` or `aligned`) separated by `\n`.
  /// - Throws: `MathError` naming the construct it cannot render.
  public static func render(_ latex: String) throws -> String {
    try renderLines(latex).joined(separator: "\n")
  }

  /// The formula as lines: one per `\\`-separated row, with `&` columns aligned.
  public static func renderLines(_ latex: String) throws -> [String] {
    var parser = MathParser(latex)
    let rows = try parser.parseFormula()
    guard parser.metScriptWithoutUnicode else { return MathAlignment.lines(rows) }
    // One notation per formula: all scripts in the fallback form when one needs it.
    var plain = MathParser(latex)
    plain.plainScripts = true
    return MathAlignment.lines(try plain.parseFormula())
  }

  /// The formula on one line, for inline `$…$` math; rows are separated by `; `.
  public static func renderInline(_ latex: String) throws -> String {
    try renderLines(latex).joined(separator: "; ")
  }
}
