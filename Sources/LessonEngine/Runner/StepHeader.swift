/// The rule that opens a step: `── step 3/13 · scratch-layer · one scratch RNN layer… ──`.
/// It always fits on one line of `width` columns: the summary is cut (with `…`) when the line
/// would be wider, and the rule fills what is left.
enum StepHeader {
  static func line(number: Int, total: Int, id: String, summary: String, width: Int, color: Bool) -> String {
    let width = min(width, 100)
    // An id with a long note (`cached · ran 15:37 in 0.5 s · r runs it again`) is cut too.
    let bare = LineFitter.truncate(tr("step.header", ["number": number, "total": total, "id": id, "summary": ""]), width: width - 6)
    // `── ` before the title, ` ─` at least after it.
    let room = max(0, width - 5 - LineFitter.columns(bare))
    let title = bare + LineFitter.truncate(summary, width: room)
    let rule = String(repeating: "─", count: max(1, width - LineFitter.columns(title) - 4))
    return color ? "\u{1B}[1;35m── \(title) \(rule)\u{1B}[0m" : "── \(title) \(rule)"
  }
}
