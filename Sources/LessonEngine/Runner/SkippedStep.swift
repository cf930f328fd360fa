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
    var lines = ["  ⚠ skipped: this step needs '\(file)',", "    which is not here and could not be fetched."]
    lines += Self.wrap("why: \(reason)", width: width, indent: "    ")
    lines.append("    fetch it when online: lessons data fetch \(file)")
    lines.append("    (every book: lessons data fetch --all)")
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
    return """
      Skipped \(ids.count) step\(ids.count == 1 ? "" : "s") for want of data: \(ids.joined(separator: ", ")).
      Fetch the books with `lessons data fetch --all`, then run a skipped step with
      `lessons run \(lesson) --step \(ids[0])`.
      """
  }
}
