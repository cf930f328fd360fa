/// Renders D2L's LaTeX subset as Unicode text for the terminal.
///
///     try MathRenderer.render(#"\mathbf{H}_t^{(l)} \in \mathbb{R}^{n \times h}"#)
///     // "𝐇ₜ⁽ˡ⁾ ∈ ℝⁿˣʰ"
///
/// Letters stay upright (the terminal's font) except under font commands; sub- and
/// superscripts use Unicode's small forms where every character has one and fall back to
/// `_(…)` / `^(…)` otherwise; `\frac{a}{b}` becomes `a/b`. Unknown commands throw
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
    return MathAlignment.lines(try parser.parseFormula())
  }

  /// The formula on one line, for inline `$…$` math; rows are separated by `; `.
  public static func renderInline(_ latex: String) throws -> String {
    try renderLines(latex).joined(separator: "; ")
  }
}
