/// A step the walk passed over because a book it needs is neither here nor fetchable now
/// (offline, say). The chapter's core needs only The Time Machine, so the walk goes on.
struct SkippedStep: Error {
  let id: String
  /// The data file that is missing.
  let file: String
  /// Why it could not be had, in one line (e.g. the download's connection error).
  let reason: String

  /// The short block printed in the step's place: what is missing, why, and the command.
  func block(color: Bool, width: Int = 80) -> String {
    var lines = ["  " + tr("skip.needs", ["file": file]), "    " + tr("skip.notHere")]
    lines += Self.wrap(tr("skip.why", ["reason": reason]), width: width, indent: "    ")
    lines.append("    " + tr("skip.fetch", ["file": file]))
    lines.append("    " + tr("skip.fetchAll"))
    let text = lines.joined(separator: "\n")
    return color ? "\u{1B}[33m\(text)\u{1B}[0m" : text
  }

  /// `text` broken at spaces into lines of at most `width` columns, each after `indent`.
  static func wrap(_ text: String, width: Int, indent: String) -> [String] {
    var lines: [String] = [], line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty && indent.count + line.count + 1 + word.count > width {
        lines.append(indent + line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(indent + line) }
    return lines
  }

  /// The end-of-walk note naming every skipped step and how to run them later.
  static func summary(_ skipped: [SkippedStep], lesson: String) -> String {
    let ids = skipped.map(\.id)
    let first = tr("skip.summary", [
      "count": ids.count, "steps": tr(ids.count == 1 ? "skip.step" : "skip.steps"), "ids": ids.joined(separator: ", "),
    ])
    let second = tr("skip.summaryFetch", ["lesson": lesson, "first": ids[0]])
    return (LineFitter.paragraph(first, width: 80, first: "", rest: "")
      + LineFitter.paragraph(second, width: 80, first: "", rest: "")).joined(separator: "\n")
  }
}
