/// Small pieces of HTML: escaping, and code blocks coloured by the terminal's highlighter.
enum HTML {
  /// Text for an element or a quoted attribute.
  static func escape(_ text: String) -> String { MathMLRenderer.escape(text) }

  /// A code block: Swift coloured by `SwiftHighlighter` (the same tokens as in the terminal,
  /// as `<span class="kw">` …), anything else as plain text.
  static func code(_ code: String, language: String?) -> String {
    let name = language.map { #" class="language-\#(escape($0))""# } ?? ""
    guard language == "swift" else { return "<pre class=\"code\"><code\(name)>\(escape(code))</code></pre>\n" }
    let lines = SwiftHighlighter.highlight(code).map { fragments in
      fragments.map { fragment -> String in
        guard let css = cssClass(fragment.style) else { return escape(fragment.text) }
        return #"<span class="\#(css)">\#(escape(fragment.text))</span>"#
      }.joined()
    }
    return "<pre class=\"code\"><code\(name)>" + lines.joined(separator: "\n") + "</code></pre>\n"
  }

  /// The stylesheet class of one of the highlighter's styles.
  private static func cssClass(_ style: TerminalStyle) -> String? {
    switch style {
    case SwiftHighlighter.keywordStyle: return "kw"
    case SwiftHighlighter.typeStyle: return "ty"
    case SwiftHighlighter.stringStyle: return "st"
    case SwiftHighlighter.commentStyle: return "cm"
    case SwiftHighlighter.numberStyle: return "nu"
    default: return nil
    }
  }

  /// A fragment id from a heading's text: lower case, words joined by `-` (Vietnamese letters
  /// are kept; browsers accept any non-space character in an id).
  static func slug(_ text: String) -> String {
    var out = "", dash = false
    for character in text.lowercased() {
      if character.isLetter || character.isNumber {
        if dash, !out.isEmpty { out.append("-") }
        out.append(character)
        dash = false
      } else {
        dash = true
      }
    }
    return out.isEmpty ? "section" : out
  }
}
