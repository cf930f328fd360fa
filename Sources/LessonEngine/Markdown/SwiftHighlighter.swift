/// Light Swift syntax colouring for code blocks: keywords, types, strings, comments, numbers.
///
/// A single left-to-right scan, not a parser: good enough for the short snippets of a lesson,
/// and linear in the code's length. Block comments and multi-line strings carry across lines.
enum SwiftHighlighter {
  static let keywordStyle = TerminalStyle(color: .magenta)
  static let typeStyle = TerminalStyle(color: .cyan)
  static let stringStyle = TerminalStyle(color: .green)
  static let commentStyle = TerminalStyle(italic: true, color: .gray)
  static let numberStyle = TerminalStyle(color: .yellow)

  /// The code's lines, each as styled fragments.
  static func highlight(_ code: String) -> [[StyledFragment]] {
    var output = LineBuilder()
    let characters = Array(code)
    var index = 0
    func take(while predicate: (Character) -> Bool) -> String {
      let start = index
      while index < characters.count, predicate(characters[index]) { index += 1 }
      return String(characters[start..<index])
    }
    func starts(with text: String) -> Bool {
      var position = index
      for character in text {
        guard position < characters.count, characters[position] == character else { return false }
        position += 1
      }
      return true
    }
    while index < characters.count {
      let character = characters[index]
      if starts(with: "//") {
        output.emit(take(while: { $0 != "\n" }), commentStyle)
      } else if starts(with: "/*") {
        let start = index
        var depth = 0
        while index < characters.count {
          if starts(with: "/*") {
            depth += 1
            index += 2
          } else if starts(with: "*/") {
            depth -= 1
            index += 2
            if depth == 0 { break }
          } else {
            index += 1
          }
        }
        output.emit(String(characters[start..<index]), commentStyle)
      } else if character == "\"" {
        let start = index
        let delimiter = starts(with: "\"\"\"") ? "\"\"\"" : "\""
        index += delimiter.count
        while index < characters.count, !starts(with: delimiter) {
          if delimiter == "\"", characters[index] == "\n" { break }  // unterminated
          index += characters[index] == "\\" ? 2 : 1
        }
        index = min(index + (starts(with: delimiter) ? delimiter.count : 0), characters.count)
        output.emit(String(characters[start..<index]), stringStyle)
      } else if character.isNumber, character.isASCII {
        output.emit(take(while: { $0.isHexDigit || "xob._".contains($0) }), numberStyle)
      } else if character.isLetter || character == "_" || character == "#" || character == "@" {
        index += 1
        let word = String(character) + take(while: { $0.isLetter || $0.isNumber || $0 == "_" })
        if keywords.contains(word) || character == "#" || character == "@" {
          output.emit(word, keywordStyle)
        } else if character.isUppercase {
          output.emit(word, typeStyle)
        } else {
          output.emit(word, .plain)
        }
      } else {
        output.emit(String(character), .plain)
        index += 1
      }
    }
    return output.lines
  }

  /// Collects fragments, starting a new line at each newline (inside comments too).
  private struct LineBuilder {
    var lines: [[StyledFragment]] = [[]]

    mutating func emit(_ text: String, _ style: TerminalStyle) {
      var first = true
      for part in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if !first { lines.append([]) }
        first = false
        guard !part.isEmpty else { continue }
        if let last = lines[lines.count - 1].last, last.style == style {
          lines[lines.count - 1][lines[lines.count - 1].count - 1].text += part
        } else {
          lines[lines.count - 1].append(StyledFragment(text: String(part), style: style))
        }
      }
    }
  }

  static let keywords: Set<String> = [
    "associatedtype", "actor", "as", "async", "await", "break", "case", "catch", "class",
    "continue", "default", "defer", "deinit", "do", "else", "enum", "extension", "fallthrough",
    "false", "fileprivate", "final", "for", "func", "guard", "if", "import", "in", "init",
    "inout", "internal", "is", "lazy", "let", "mutating", "nil", "nonisolated", "open",
    "operator", "override", "private", "protocol", "public", "repeat", "rethrows", "return",
    "self", "Self", "some", "static", "struct", "subscript", "super", "switch", "throw",
    "throws", "true", "try", "typealias", "var", "where", "while", "any",
  ]
}
