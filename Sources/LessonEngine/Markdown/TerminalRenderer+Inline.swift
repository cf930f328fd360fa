/// Inline content as styled fragments, ready for `TextWrapper`.
extension TerminalRenderer {
  static let codeStyle = TerminalStyle(color: .yellow)
  static let linkStyle = TerminalStyle(underline: true, color: .blue)
  static let urlStyle = TerminalStyle(color: .gray)
  static let figureStyle = TerminalStyle(italic: true, color: .cyan)

  func fragments(_ inlines: [MarkdownInline], style: TerminalStyle) -> [StyledFragment] {
    var result: [StyledFragment] = []
    for inline in inlines {
      switch inline {
      case .text(let text):
        result.append(StyledFragment(text: text, style: style))
      case .code(let code):
        // Without colour the backticks are what marks code.
        let text = color ? code : "`" + code + "`"
        result.append(
          StyledFragment(text: text, style: style.adding(Self.codeStyle), breakable: false))
      case .emphasis(let content):
        result += fragments(content, style: style.adding(TerminalStyle(italic: true)))
      case .strong(let content):
        result += fragments(content, style: style.adding(TerminalStyle(bold: true)))
      case .link(let url, let content):
        result += fragments(content, style: style.adding(Self.linkStyle))
        let text = MarkdownInline.plainText(content)
        // Autolinks (`<https://…>`) already show their address.
        if url != text, url != "mailto:" + text, !url.isEmpty {
          result.append(StyledFragment(text: " (", style: style))
          result.append(StyledFragment(text: url, style: style.adding(Self.urlStyle)))
          result.append(StyledFragment(text: ")", style: style))
        }
      case .image(let url, let caption, let figure):
        let figureStyle = style.adding(Self.figureStyle)
        let captionFragments = fragments(caption, style: figureStyle)
        result.append(
          StyledFragment(
            text: captionFragments.isEmpty ? "[figure \(figure)" : "[figure \(figure): ",
            style: figureStyle))
        result += captionFragments
        result.append(StyledFragment(text: "]", style: figureStyle))
        // The picture cannot be shown in a terminal; its path lets the reader open it.
        if !url.isEmpty {
          result.append(StyledFragment(text: " (", style: style))
          result.append(StyledFragment(text: url, style: style.adding(Self.urlStyle)))
          result.append(StyledFragment(text: ")", style: style))
        }
      case .math(let math):
        result.append(StyledFragment(text: math, style: style, breakable: false))
      case .reference(_, let text):
        result.append(StyledFragment(text: text, style: style, breakable: false))
      case .citation(let key):
        result.append(StyledFragment(text: "[" + key + "]", style: style, breakable: false))
      case .softBreak:
        result.append(StyledFragment(text: " ", style: style))
      case .lineBreak:
        result.append(StyledFragment(text: "\n", style: style))
      case .html(let html):
        result.append(StyledFragment(text: html, style: style))
      }
    }
    return result
  }
}

extension MarkdownInline {
  /// The text of inline content without any styling (for captions and link comparisons).
  static func plainText(_ inlines: [MarkdownInline]) -> String {
    var text = ""
    for inline in inlines {
      switch inline {
      case .text(let value), .code(let value), .math(let value), .html(let value):
        text += value
      case .emphasis(let content), .strong(let content), .link(_, let content):
        text += plainText(content)
      case .image(_, let caption, _):
        text += plainText(caption)
      case .reference(_, let value):
        text += value
      case .citation(let key):
        text += "[" + key + "]"
      case .softBreak, .lineBreak:
        text += " "
      }
    }
    return text
  }
}
