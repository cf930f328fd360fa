/// Renders lesson prose for a terminal: wrapped paragraphs, styled headings, lists, quotes,
/// code, equations with their numbers, figures as captions.
///
///     let renderer = TerminalRenderer(width: 80, color: TerminalStyle.shouldUseColor(
///       isTTY: isatty(1) != 0, environment: ProcessInfo.processInfo.environment, flag: nil))
///     print(renderer.render(blocks), terminator: "")
///
/// Without colour the output is plain text that still shows structure (`===` under titles,
/// backticks around code) and contains no escape sequences, for pipes, logs and CI.
public struct TerminalRenderer {
  /// Columns available; paragraphs are wrapped to it (code and wide equations may overflow).
  public var width: Int
  /// Whether to use ANSI escape sequences.
  public var color: Bool

  public init(width: Int = 80, color: Bool = false) {
    self.width = max(width, 20)
    self.color = color
  }

  /// The blocks as text, each line ending with a newline; blocks separated by a blank line.
  public func render(_ blocks: [MarkdownBlock]) -> String {
    let lines = blockLines(blocks, width: width, depth: 0, tight: false)
    return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
  }

  /// A whole lesson without running it: prose, and the code of the steps that show code.
  public func render(_ document: LessonDocument) -> String {
    var parts: [String] = []
    for block in document.blocks {
      switch block {
      case .prose(let blocks): parts.append(render(blocks))
      case .step(let step) where step.showsCode:
        parts.append(renderCode(step.code, language: step.language))
      case .step: break
      }
    }
    return parts.joined(separator: "\n")
  }

  /// A code block (a step's code, say), indented and highlighted when colour is on.
  public func renderCode(_ code: String, language: String?) -> String {
    codeLines(code, language: language).joined(separator: "\n") + "\n"
  }

  // MARK: - Blocks

  /// Lines of `blocks` at `width`, separated by blank lines unless `tight` (tight list items).
  public func blockLines(_ blocks: [MarkdownBlock], width: Int, depth: Int, tight: Bool) -> [String] {
    var lines: [String] = []
    for block in blocks {
      let rendered = blockLines(block, width: width, depth: depth)
      if rendered.isEmpty { continue }
      if !lines.isEmpty, !tight { lines.append("") }
      lines += rendered
    }
    return lines
  }

  private func blockLines(_ block: MarkdownBlock, width: Int, depth: Int) -> [String] {
    switch block {
    case .heading(let level, let number, let content, _):
      return headingLines(level: level, number: number, content: content, width: width)
    case .paragraph(let content, _):
      return wrapped(fragments(content, style: .plain), width: width)
    case .list(let list):
      return listLines(list, width: width, depth: depth)
    case .blockQuote(let blocks):
      let bar = color ? TerminalStyle(color: .gray).escapeSequence + "│" + TerminalStyle.reset : "│"
      return blockLines(blocks, width: max(width - 2, 10), depth: depth, tight: false).map {
        $0.isEmpty ? bar : bar + " " + $0
      }
    case .codeBlock(let language, let code, _):
      return codeLines(code, language: language)
    case .equation(let equation):
      return equationLines(equation, width: width)
    case .table(let rows, _, _):
      return rows.map { fragments($0, style: .plain).rendered(color: color) }
    case .html(let html):
      return html.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    case .thematicBreak:
      return [styled(String(repeating: "─", count: width), TerminalStyle(color: .gray))]
    }
  }

  private func headingLines(level: Int, number: String, content: [MarkdownInline], width: Int)
    -> [String]
  {
    let title =
      [StyledFragment(text: number + " ", breakable: false)]
      + fragments(content, style: .plain)
    if color {
      let style = TerminalStyle(bold: true, underline: level == 1)
      let styledTitle = title.map {
        StyledFragment(text: $0.text, style: style.adding($0.style), breakable: $0.breakable)
      }
      return wrapped(styledTitle, width: width)
    }
    guard level <= 2 else {
      let marks = String(repeating: "#", count: level) + " "
      return wrapped(title, width: width - marks.count).map { marks + $0 }
    }
    let lines = TextWrapper.wrap(title, width: width)
    let underline = String(
      repeating: level == 1 ? "=" : "-", count: lines.map(\.displayWidth).max() ?? 0)
    return lines.map { $0.rendered(color: false) } + [underline]
  }

  private func listLines(_ list: MarkdownList, width: Int, depth: Int) -> [String] {
    let markers: [String] = list.items.indices.map { index in
      if list.isOrdered {
        return String(list.start + index) + (list.usesParenDelimiter ? ")" : ".")
      }
      return ["•", "◦", "▪"][depth % 3]
    }
    let markerWidth = (markers.map { DisplayWidth.of($0) }.max() ?? 1) + 1
    let indent = String(repeating: " ", count: markerWidth)
    var lines: [String] = []
    for (item, marker) in zip(list.items, markers) {
      if !lines.isEmpty, !list.isTight { lines.append("") }
      let content = blockLines(
        item, width: max(width - markerWidth, 10), depth: depth + 1, tight: list.isTight)
      // Numbers are right-aligned so that `9.` and `10.` end in the same column.
      let padding = String(repeating: " ", count: markerWidth - 1 - DisplayWidth.of(marker))
      let head = padding + marker
      lines.append(content.first.map { head + " " + $0 } ?? head)
      lines += content.dropFirst().map { $0.isEmpty ? "" : indent + $0 }
    }
    return lines
  }

  public func codeLines(_ code: String, language: String?) -> [String] {
    let indent = "    "
    let text = code.replacingTabs()
    let lines: [String]
    if color, language == "swift" {
      lines = SwiftHighlighter.highlight(text).map { $0.rendered(color: true) }
    } else {
      lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
    return lines.map { $0.isEmpty ? "" : indent + $0 }
  }

  /// The equation indented, its number right-aligned on the middle line.
  private func equationLines(_ equation: Equation, width: Int) -> [String] {
    let indent = "    "
    let numberRow = (equation.lines.count - 1) / 2
    return equation.lines.enumerated().map { row, line in
      var text = indent + line
      if row == numberRow, let number = equation.number {
        let label = "(\(number))"
        let gap = width - DisplayWidth.of(text) - label.count
        text += String(repeating: " ", count: max(gap, 2)) + label
      }
      return text
    }
  }

  // MARK: - Helpers

  public func wrapped(_ fragments: [StyledFragment], width: Int) -> [String] {
    TextWrapper.wrap(fragments, width: width).map { $0.rendered(color: color) }
  }

  public func styled(_ text: String, _ style: TerminalStyle) -> String {
    [StyledFragment(text: text, style: style)].rendered(color: color)
  }
}

extension String {
  /// Tabs expanded to the next multiple of four columns (terminals disagree on tab stops).
  public func replacingTabs() -> String {
    guard contains("\t") else { return self }
    var output = ""
    var column = 0
    for character in self {
      if character == "\t" {
        let spaces = 4 - column % 4
        output += String(repeating: " ", count: spaces)
        column += spaces
      } else {
        output.append(character)
        column = character == "\n" ? 0 : column + 1
      }
    }
    return output
  }
}
