import Foundation

/// The titles of the labelled sections and figures of a D2L book, read from the Markdown
/// files near a chapter file, so that a reference to another chapter reads as its title.
///
/// D2L's sources keep one folder per chapter (`chapter_recurrent-modern/lstm.md`) and put a
/// `:label:` right after the heading or figure it names. The index looks at the file's own
/// folder and its sibling `chapter_*` folders, in the same language: a d2l-vi `_origin.md`
/// (English) file looks at the other `_origin.md` files, a Vietnamese one at the others.
struct BookIndex: Equatable {
  /// Label → heading text, or a figure's caption.
  var titles: [String: String] = [:]

  /// Enough for any edition of the book (d2l-en has about 200 files); a folder of unrelated
  /// Markdown is not read whole.
  static let maximumFiles = 2_000

  /// The index of the book around `file`, empty when `file` is not on disk.
  static func near(file: String) -> BookIndex {
    let url = URL(fileURLWithPath: file).standardizedFileURL
    guard FileManager.default.fileExists(atPath: url.path) else { return BookIndex() }
    let folder = url.deletingLastPathComponent()
    var folders = [folder]
    let root = folder.deletingLastPathComponent()
    if folder.lastPathComponent.hasPrefix("chapter_"),
      let siblings = try? FileManager.default.contentsOfDirectory(atPath: root.path)
    {
      folders += siblings.filter { $0.hasPrefix("chapter_") && $0 != folder.lastPathComponent }
        .sorted().map { root.appendingPathComponent($0) }
    }
    let isOrigin = url.lastPathComponent.hasSuffix("_origin.md")
    var index = BookIndex()
    var read = 0
    for folder in folders {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      for name in names.sorted()
      where name.hasSuffix(".md") && name.hasSuffix("_origin.md") == isOrigin {
        guard read < maximumFiles else { return index }
        read += 1
        guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        else { continue }
        index.add(markdown: text)
      }
    }
    return index
  }

  /// Adds the labels of one file: each `:label:` line takes the title of the heading or the
  /// caption of the figure on the nearest non-blank line above it.
  mutating func add(markdown: String) {
    var previous: Substring = ""
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: true) {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty { continue }
      if trimmed.hasPrefix(":label:`"), trimmed.hasSuffix("`") {
        let name = String(trimmed.dropFirst(":label:`".count).dropLast())
        if titles[name] == nil, let title = BookIndex.title(of: previous) { titles[name] = title }
      }
      previous = Substring(trimmed)
    }
  }

  /// The readable title on a heading line (`## Gated Memory Cell`) or figure line
  /// (`![A caption.](../img/x.svg)`); nil when it holds math or markup we would show raw.
  static func title(of line: Substring) -> String? {
    var title: Substring
    if line.hasPrefix("#") {
      title = line.drop(while: { $0 == "#" })
    } else if line.hasPrefix("!["), let end = line.range(of: "](") {
      title = line[line.index(line.startIndex, offsetBy: 2)..<end.lowerBound]
    } else {
      return nil
    }
    let text = title.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
      .trimmingCharacters(in: .whitespaces)
    if text.isEmpty || text.contains("$") || text.contains("\\") || text.contains(":") && text.contains("`") {
      return nil
    }
    return text
  }
}
