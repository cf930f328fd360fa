import Foundation

/// The deep learning framework whose code a D2L chapter shows.
///
/// D2L writes each code cell once per framework: a ```` ```{.python .input} ```` block whose
/// first line is `#@tab pytorch` (or `%%tab pytorch`, `#@tab mxnet, pytorch`, `#@tab all`),
/// and prose between `:begin_tab:`pytorch`` and `:end_tab:` lines. The walk shows one of them.
public enum FrameworkTab: String, CaseIterable, Equatable, Sendable {
  case mxnet, pytorch, tensorflow, jax
  /// Every framework's code, one after another, as the book's source has it.
  case all

  /// Whether content tagged with `tags` (`["mxnet", "pytorch"]`, or `["all"]`) is shown.
  public func shows(_ tags: [String]) -> Bool {
    self == .all || tags.contains("all") || tags.contains(rawValue)
  }

  /// The tags of a tab marker's argument: `mxnet, pytorch` → `["mxnet", "pytorch"]`.
  static func tags(_ argument: Substring) -> [String] {
    argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
      .filter { !$0.isEmpty }
  }
}

/// D2L's framework tabs in a chapter's source: which code cells and prose regions belong to
/// the framework shown, and the notebook lines (`#@tab`, `#@save`) a reader never sees.
enum FrameworkTabs {
  /// The markdown with the lines of every `:begin_tab:` region of another framework blanked,
  /// and the `:begin_tab:`/`:end_tab:` lines themselves blanked. Lines are blanked, not
  /// removed, so that every line keeps its number for diagnostics.
  static func selectingProse(_ markdown: String, tab: FrameworkTab) -> String {
    guard markdown.contains(":begin_tab:") else { return markdown }
    var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
    var region: [String]?
    for index in lines.indices {
      let line = lines[index].trimmingCharacters(in: .whitespaces)
      if line.hasPrefix(":begin_tab:") {
        region = tags(ofBeginLine: line[...])
        lines[index] = ""
      } else if line == ":end_tab:" {
        region = nil
        lines[index] = ""
      } else if let region, !tab.shows(region) {
        lines[index] = ""
      }
    }
    return lines.joined(separator: "\n")
  }

  /// `:begin_tab:`mxnet, pytorch`` → `["mxnet", "pytorch"]`; no argument means every tab.
  private static func tags(ofBeginLine line: Substring) -> [String] {
    let argument = line.dropFirst(":begin_tab:".count).filter { $0 != "`" }
    let tags = FrameworkTab.tags(argument[...])
    return tags.isEmpty ? ["all"] : tags
  }

  /// Whether the source tags any code cell with a framework: a chapter without tags has one
  /// framework's code, which is shown whatever tab is asked for.
  static func hasCodeTabs(_ markdown: String) -> Bool {
    markdown.contains("@tab") || markdown.contains("%%tab")
  }

  /// The framework of a chapter's untagged cells: d2l-book gives them the book's first tab,
  /// `tabs = mxnet, pytorch, tensorflow` in the `config.ini` beside the chapter folders
  /// (d2l-vi: mxnet; d2l-en: pytorch). Without a config, the chapter's style decides: `#@tab`
  /// marks belong to the books whose first tab is mxnet, `%%tab` alone to d2l-en's pytorch.
  static func untaggedCellFramework(file: String, markdown: String) -> String {
    let folder = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent()
    for candidate in [folder, folder.deletingLastPathComponent()] {
      let config = candidate.appendingPathComponent("config.ini")
      guard let text = try? String(contentsOf: config, encoding: .utf8) else { continue }
      for line in text.split(separator: "\n") {
        let parts = line.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == "tabs" else {
          continue
        }
        if let first = FrameworkTab.tags(parts[1]).first { return first }
      }
    }
    return markdown.contains("#@tab") ? "mxnet" : "pytorch"
  }

  /// Whether a fence's info string is one of D2L's notebook cells (`{.python .input n=3}`).
  static func isNotebookCell(info language: String?) -> Bool {
    language?.hasPrefix("{.") ?? false
  }

  /// The language of a notebook cell's info string: `{.python .input}` → `python`.
  static func cellLanguage(_ language: String) -> String {
    String(language.dropFirst(2).prefix(while: { $0.isLetter || $0.isNumber }))
  }

  /// The framework tags of a cell (`#@tab pytorch` or `%%tab mxnet, jax` on its first
  /// non-blank line), or nil for an untagged cell.
  static func cellTags(_ code: String) -> [String]? {
    guard let first = code.split(separator: "\n").first(where: { !$0.allSatisfy(\.isWhitespace) })
    else { return nil }
    guard let marker = tabMarker(in: first) else { return nil }
    let tags = FrameworkTab.tags(marker)
    return tags.isEmpty ? ["all"] : tags
  }

  /// The argument of a tab marker line (`#@tab mxnet`, `%%tab jax`, and `# %%tab jax`, which
  /// d2l-en writes once for a cell that is only jax's), or nil for any other line.
  static func tabMarker(in line: Substring) -> Substring? {
    var rest = line.drop(while: \.isWhitespace)
    if rest.hasPrefix("%%tab") { return rest.dropFirst(5) }
    guard rest.hasPrefix("#") else { return nil }
    rest = rest.dropFirst().drop(while: { $0 == " " })
    if rest.hasPrefix("@tab") { return rest.dropFirst(4) }
    if rest.hasPrefix("%%tab") { return rest.dropFirst(5) }
    return nil
  }

  /// The cell's code as a reader sees it: without tab markers, `#@save` marks and the lines
  /// that load d2lbook's tab machinery into a notebook.
  static func readerCode(_ code: String) -> String {
    var kept: [Substring] = []
    for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if tabMarker(in: line) != nil || trimmed == "#@save"
        || trimmed == "%load_ext d2lbook.tab" || trimmed.hasPrefix("tab.interact_select(")
      {
        continue
      }
      if let mark = line.range(of: "#@save") {
        // `class GRU(d2l.RNN):  #@save`: the mark is a comment at the end of a code line.
        kept.append(Substring(line[..<mark.lowerBound].replacingOccurrences(
          of: "\\s+$", with: "", options: .regularExpression)))
      } else {
        kept.append(line)
      }
    }
    while let first = kept.first, first.allSatisfy(\.isWhitespace) { kept.removeFirst() }
    while let last = kept.last, last.allSatisfy(\.isWhitespace) { kept.removeLast() }
    return kept.joined(separator: "\n")
  }
}
