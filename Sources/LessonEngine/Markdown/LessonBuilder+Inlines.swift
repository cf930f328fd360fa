import Foundation

/// Inline conversion: math tokens, D2L roles, figures.
extension LessonBuilder {
  /// A converted inline, or a display equation that splits its paragraph.
  enum InlineItem {
    case inline(MarkdownInline)
    case equation(Equation)
  }

  /// D2L's roles: `:name:` directly followed by a code span holding the argument.
  static let roles: Set<String> = [
    "label", "eqlabel", "numref", "eqref", "ref", "cite", "citet", "citep", "width", "height",
    "bibliography",
  ]

  /// Inline content where display math stays inline (headings, emphasis, link text).
  mutating func convertInlines(_ nodes: [CmarkNode], line: Int) throws -> [MarkdownInline] {
    try convertInlineItems(nodes, line: line, topLevel: false).map { item in
      switch item {
      case .inline(let inline): return inline
      case .equation(let equation): return .math(equation.lines.joined(separator: "; "))
      }
    }
  }

  /// Converts inline nodes; at a paragraph's top level, `$$…$$` becomes an equation item.
  mutating func convertInlineItems(_ nodes: [CmarkNode], line: Int, topLevel: Bool) throws
    -> [InlineItem]
  {
    currentLine = max(currentLine, line)
    var items: [InlineItem] = []
    var index = 0
    while index < nodes.count {
      let node = nodes[index]
      if node.startLine > 0 { currentLine = node.startLine }
      index += 1
      switch node.kind {
      case .text:
        // cmark splits text at characters that might have been syntax, and a math token that
        // spans lines arrives split by soft breaks: glue the pieces back together first.
        var text = node.literal
        var open = LessonBuilder.hasOpenToken(text, after: false)
        var breaks = 0
        while index < nodes.count {
          let next = nodes[index]
          if next.kind == .text {
            text += next.literal
            open = LessonBuilder.hasOpenToken(next.literal, after: open)
          } else if next.kind == .softBreak, open {
            text += "\n"
            breaks += 1
          } else {
            break
          }
          index += 1
        }
        if index < nodes.count, nodes[index].kind == .code,
          let (before, role) = LessonBuilder.splitRole(text)
        {
          items += try textItems(before, topLevel: topLevel)
          items += try roleItems(role, argument: nodes[index].literal)
          index += 1
        } else {
          items += try textItems(text, topLevel: topLevel)
        }
        currentLine += breaks
      case .softBreak:
        items.append(.inline(.softBreak))
        currentLine += 1
      case .lineBreak:
        items.append(.inline(.lineBreak))
        currentLine += 1
      case .code:
        clearLabelTarget()
        items.append(.inline(.code(protector.restoringSource(node.literal))))
      case .emphasis:
        items.append(.inline(.emphasis(try convertInlines(node.children, line: currentLine))))
      case .strong:
        items.append(.inline(.strong(try convertInlines(node.children, line: currentLine))))
      case .link:
        let content = try convertInlines(node.children, line: currentLine)
        let url = protector.restoringSource(node.url)
        if let (role, argument) = LessonBuilder.roleAsLinkTarget(url) {
          // `[words](:numref:`sec_x`)`: the words, then the reference they point to.
          items += content.map { .inline($0) } + [.inline(.text(" ("))]
          items += try roleItems(role, argument: argument)
          items.append(.inline(.text(")")))
        } else {
          items.append(.inline(.link(url: url, content: content)))
        }
      case .image:
        let caption = try convertInlines(node.children, line: currentLine)
        let figure = nextFigure()
        items.append(
          .inline(
            .image(url: protector.restoringSource(node.url), caption: caption, figure: figure)))
      case .htmlInline:
        if !node.literal.hasPrefix("<!--") {
          clearLabelTarget()
          items.append(.inline(.html(protector.restoringSource(node.literal))))
        }
      default:
        break
      }
    }
    return LessonBuilder.unwrappingSlideMarks(items)
  }

  /// D2L marks the words its slides keep with `[**…**]` and `(**…**)`, and those only the
  /// notebook keeps with `(~~…~~)` and `[~~…~~]`. The book shows the words plainly; so do we.
  static func unwrappingSlideMarks(_ items: [InlineItem]) -> [InlineItem] {
    var items = items
    var result: [InlineItem] = []
    var index = 0
    while index < items.count {
      if index + 2 < items.count,
        case .inline(.text(let before)) = items[index],
        case .inline(.strong(let content)) = items[index + 1],
        case .inline(.text(let after)) = items[index + 2],
        let open = before.last, let close = after.first,
        (open == "[" && close == "]") || (open == "(" && close == ")")
      {
        result.append(.inline(.text(String(before.dropLast()))))
        result += content.map { .inline($0) }
        // The text after may open the next mark: `[**a**] and [**b**]`.
        items[index + 2] = .inline(.text(String(after.dropFirst())))
        index += 2
        continue
      }
      if case .inline(.text(let text)) = items[index], text.contains("~~") {
        var plain = text
        for mark in ["(~~", "~~)", "[~~", "~~]"] {
          plain = plain.replacingOccurrences(of: mark, with: "")
        }
        result.append(.inline(.text(plain)))
      } else {
        result.append(items[index])
      }
      index += 1
    }
    return result
  }

  /// Text with math tokens replaced by rendered math.
  private mutating func textItems(_ text: String, topLevel: Bool) throws -> [InlineItem] {
    var items: [InlineItem] = []
    for piece in MathProtector.pieces(of: text) {
      switch piece {
      case .text(let text):
        if text.contains(where: { !$0.isWhitespace }) { clearLabelTarget() }
        items.append(.inline(.text(text)))
      case .span(let index):
        let span = protector.spans[index]
        if span.isDisplay, topLevel {
          items.append(
            .equation(
              try equation(
                latex: span.latex, label: nil, line: span.line,
                firstLatexLine: span.line)))
        } else {
          clearLabelTarget()
          let rendered = try renderMath(span.latex, line: span.line, display: false)
          items.append(.inline(.math(rendered.joined(separator: " "))))
        }
      }
    }
    return items
  }

  private mutating func roleItems(_ role: String, argument: String) throws -> [InlineItem] {
    switch role {
    case "label":
      try attachLabel(argument, line: currentLine)
      return []
    case "eqlabel":
      try attachLabel(argument, line: currentLine, requireEquation: true)
      return []
    case "cite", "citet", "citep":
      clearLabelTarget()
      return [.inline(.citation(argument))]
    case "width", "height", "bibliography":
      return []  // a picture's size, the book's bibliography file: nothing to read
    default:  // numref, eqref, ref: resolved once every label is known
      clearLabelTarget()
      addReference(argument, role: role, line: currentLine)
      return [.inline(.reference(name: argument, text: role))]
    }
  }

  /// A link target that is a reference role (`:numref:`sec_x``), as (role, argument).
  static func roleAsLinkTarget(_ url: String) -> (role: String, argument: String)? {
    guard url.hasPrefix(":"), url.hasSuffix("`"), let tick = url.firstIndex(of: "`"),
      let (_, role) = splitRole(String(url[..<tick])), ["numref", "eqref", "ref"].contains(role)
    else { return nil }
    let argument = url[url.index(after: tick)..<url.index(before: url.endIndex)]
    return argument.isEmpty || argument.contains("`") ? nil : (role, String(argument))
  }

  /// Splits `text` ending in a role marker such as `see :numref:` into `see ` and `numref`.
  static func splitRole(_ text: String) -> (before: String, role: String)? {
    guard text.hasSuffix(":") else { return nil }
    let body = text.dropLast()
    guard let colon = body.lastIndex(of: ":") else { return nil }
    let role = String(body[body.index(after: colon)...])
    guard roles.contains(role) else { return nil }
    let before = body[..<colon]
    // `http://x:numref:` is not a role; a role starts a word.
    if let previous = before.last, previous.isLetter || previous.isNumber { return nil }
    return (String(before), role)
  }

  /// Whether a math token is still open after `text` (it spans a line break), given whether
  /// one was open before it. Looks at `text` only, so gluing many pieces stays linear.
  static func hasOpenToken(_ text: String, after open: Bool) -> Bool {
    var open = open
    for scalar in text.unicodeScalars {
      if scalar == MathProtector.tokenStart.unicodeScalars.first! {
        open = true
      } else if scalar == MathProtector.tokenEnd.unicodeScalars.first! {
        open = false
      }
    }
    return open
  }
}
