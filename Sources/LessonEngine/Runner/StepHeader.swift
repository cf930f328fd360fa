/// The rule that opens a step: `── step 3/13 · scratch-layer · one scratch RNN layer… ──`.
/// It always fits on one line of `width` columns: the summary is cut (with `…`) when the line
/// would be wider, and the rule fills what is left.
enum StepHeader {
  static func line(number: Int, total: Int, id: String, summary: String, width: Int, color: Bool) -> String {
    let width = min(width, 100)
    let bare = tr("step.header", ["number": number, "total": total, "id": id, "summary": ""])
    // `── ` before the title, ` ─` at least after it.
    let room = max(0, width - 5 - LineFitter.columns(bare))
    let title = bare + LineFitter.truncate(summary, width: room)
    let rule = String(repeating: "─", count: max(1, width - LineFitter.columns(title) - 4))
    return color ? "\u{1B}[1;35m── \(title) \(rule)\u{1B}[0m" : "── \(title) \(rule)"
  }
}
