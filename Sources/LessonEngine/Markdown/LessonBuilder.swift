import Foundation

/// Turns cmark's tree into lesson blocks.
///
/// One pass in document order does everything that needs position: it extracts steps, numbers
/// headings, figures, tables and equations, renders math (so a LaTeX error is reported at its
/// line), attaches `:label:`s to what precedes them and collects `:numref:`s. References may
/// point forward, so `ReferenceResolver` fills them in afterwards.
struct LessonBuilder {
  let file: String
  /// The source lines (`\n` endings), for checks cmark cannot make (unclosed fences).
  let lines: [Substring]
  let protector: MathProtector
  let options: LessonParseOptions
  /// The framework of the cells that name none (`FrameworkTabs.untaggedCellFramework`), or nil
  /// when no cell of the source names one, so that every cell is shown.
  var untaggedCellFramework: String?
  /// The problems met that the options let pass, in the order met.
  private(set) var warnings: [LessonWarning] = []

  /// What a `:label:` names: headings, figures, tables and equations can carry one.
  enum LabelTarget: Equatable {
    case section(String)
    case figure(Int)
    case table(Int)
    case equation(index: Int)
  }

  struct Label: Equatable {
    var target: LabelTarget
    var line: Int
  }

  struct PendingReference: Equatable {
    var name: String
    var role: String
    var line: Int
  }

  private(set) var labels: [String: Label] = [:]
  private(set) var references: [PendingReference] = []
  private var stepLines: [String: Int] = [:]
  private var minimumHeadingLevel = 1
  private var headingCounters: [Int] = []
  private var figureCount = 0
  private var tableCount = 0
  private var equationCount = 0
  /// What a `:label:` right here would attach to; cleared by any other content.
  private var labelTarget: LabelTarget?
  /// The section being read, which a stray `:label:` names when warnings are allowed.
  private var currentSection: LabelTarget?
  /// Converting a pipe table, whose cells must not clear the table's label target.
  private var inTable = false
  /// Line of the inline being converted, for role and math diagnostics.
  var currentLine = 0

  init(file: String, lines: [Substring], protector: MathProtector, options: LessonParseOptions) {
    self.file = file
    self.lines = lines
    self.protector = protector
    self.options = options
  }

  func error(_ line: Int, _ reason: String) -> LessonError {
    LessonError(file: file, line: line, reason: reason)
  }

  /// Records a problem the walk can live with, or throws it under strict options.
  mutating func warn(_ kind: LessonWarning.Kind, _ subject: String, line: Int, _ message: String)
    throws
  {
    let warning = LessonWarning(file: file, line: line, kind: kind, subject: subject, message: message)
    if options.strict { throw warning.error }
    warnings.append(warning)
  }

  // MARK: - Blocks

  /// The lesson's blocks: runs of prose separated by the top-level steps.
  mutating func build(_ root: CmarkNode) throws -> [LessonBlock] {
    minimumHeadingLevel =
      root.children.filter { $0.kind == .heading }.map(\.headingLevel).min() ?? 1
    var result: [LessonBlock] = []
    var prose: [MarkdownBlock] = []
    for node in root.children {
      guard node.kind == .codeBlock,
        case .step(let id, let language, let parameters) = try directive(of: node)
      else {
        prose += try convertBlock(node)
        continue
      }
      try checkFenceClosed(node)
      if let first = stepLines[id] {
        throw error(node.startLine, "duplicate step id '\(id)' (first at line \(first))")
      }
      stepLines[id] = node.startLine
      if !prose.isEmpty { result.append(.prose(prose)) }
      prose = []
      labelTarget = nil
      let step = StepDirective(
        id: id, parameters: parameters.map { ($0.name, $0.value) },
        code: LessonBuilder.droppingFinalNewline(node.literal), language: language,
        line: node.startLine)
      result.append(.step(step))
    }
    if !prose.isEmpty { result.append(.prose(prose)) }
    return result
  }

  private mutating func convertBlock(_ node: CmarkNode) throws -> [MarkdownBlock] {
    switch node.kind {
    case .heading:
      let number = nextSectionNumber(level: node.headingLevel)
      let content = try convertInlines(node.children, line: node.startLine)
      labelTarget = .section(number)
      currentSection = labelTarget
      return [
        .heading(
          level: node.headingLevel, number: number, content: content,
          line: node.startLine)
      ]
    case .paragraph:
      return try convertParagraph(node)
    case .list:
      labelTarget = nil
      var items: [[MarkdownBlock]] = []
      for item in node.children {
        var blocks: [MarkdownBlock] = []
        for child in item.children { blocks += try convertBlock(child) }
        items.append(blocks)
      }
      let list = MarkdownList(
        isOrdered: node.isOrderedList, start: node.listStart,
        usesParenDelimiter: node.usesParenDelimiter, isTight: node.isTightList, items: items)
      return [.list(list)]
    case .blockQuote:
      labelTarget = nil
      var blocks: [MarkdownBlock] = []
      for child in node.children { blocks += try convertBlock(child) }
      return [.blockQuote(blocks)]
    case .codeBlock:
      try checkFenceClosed(node)
      switch try directive(of: node) {
      case .step(let id, _, _):
        throw error(
          node.startLine,
          "step '\(id)' must be at the top level of the lesson, not inside a list or quote")
      case .math(let label):
        return [
          .equation(
            try equation(
              latex: node.literal, label: label, line: node.startLine,
              firstLatexLine: node.startLine + 1))
        ]
      case .code(let language):
        labelTarget = nil
        var code = protector.restoringSource(LessonBuilder.droppingFinalNewline(node.literal))
        guard FrameworkTabs.isNotebookCell(info: language), let info = language else {
          return [.codeBlock(language: language, code: code, line: node.startLine)]
        }
        // D2L's cells: one framework's, without the notebook's marks. An untagged cell is the
        // book's first tab's, unless no cell of the chapter names a framework.
        let tags = FrameworkTabs.cellTags(code) ?? [untaggedCellFramework ?? "all"]
        guard options.tab.shows(tags), !info.contains(".output") else { return [] }
        code = FrameworkTabs.readerCode(code)
        if code.isEmpty { return [] }
        return [
          .codeBlock(
            language: FrameworkTabs.cellLanguage(info), code: code, line: node.startLine)
        ]
      }
    case .htmlBlock:
      let html = LessonBuilder.droppingFinalNewline(node.literal)
      // Comments are notes for authors (d2l-book uses them too), not for learners.
      if html.hasPrefix("<!--") { return [] }
      labelTarget = nil
      return [.html(protector.restoringSource(html))]
    case .thematicBreak:
      labelTarget = nil
      return [.thematicBreak]
    default:
      return []
    }
  }

  /// A paragraph, split where it holds display math, or a pipe table.
  private mutating func convertParagraph(_ node: CmarkNode) throws -> [MarkdownBlock] {
    inTable = node.children.first.map { $0.kind == .text && $0.literal.hasPrefix("|") } ?? false
    defer { inTable = false }
    var tableNumber = 0
    if inTable {
      tableCount += 1
      tableNumber = tableCount
      labelTarget = .table(tableNumber)
    }
    var blocks: [MarkdownBlock] = []
    var inlines: [MarkdownInline] = []
    func flush() {
      let trimmed = LessonBuilder.trimmed(inlines)
      inlines = []
      guard !trimmed.isEmpty else { return }
      if tableNumber > 0 {
        let rows = trimmed.split(whereSeparator: { $0 == .softBreak || $0 == .lineBreak })
        blocks.append(.table(rows: rows.map(Array.init), number: tableNumber, line: node.startLine))
      } else {
        blocks.append(.paragraph(trimmed, line: node.startLine))
      }
    }
    for item in try convertInlineItems(node.children, line: node.startLine, topLevel: !inTable) {
      switch item {
      case .inline(let inline):
        inlines.append(inline)
      case .equation(let equation):
        flush()
        blocks.append(.equation(equation))
      }
    }
    flush()
    return blocks
  }

  // MARK: - Numbering

  /// Hierarchical section numbers counted from the lesson's top heading level: `1`, `1.1`, `1.2`.
  private mutating func nextSectionNumber(level: Int) -> String {
    let depth = max(level - minimumHeadingLevel, 0)
    if headingCounters.count > depth + 1 {
      headingCounters.removeLast(headingCounters.count - depth - 1)
    }
    while headingCounters.count < depth + 1 { headingCounters.append(0) }
    headingCounters[depth] += 1
    return headingCounters.map(String.init).joined(separator: ".")
  }

  mutating func nextFigure() -> Int {
    figureCount += 1
    labelTarget = .figure(figureCount)
    return figureCount
  }

  /// A display equation from LaTeX; numbered later if it gets a label.
  mutating func equation(latex: String, label: String?, line: Int, firstLatexLine: Int) throws
    -> Equation
  {
    let lines = try renderMath(latex, line: firstLatexLine, display: true)
    let index = equationCount
    equationCount += 1
    labelTarget = .equation(index: index)
    if let label { try attachLabel(label, line: line) }
    return Equation(lines: lines, number: nil, label: label, line: line, index: index)
  }

  // MARK: - Labels and references

  mutating func clearLabelTarget() {
    if !inTable { labelTarget = nil }
  }

  /// Attaches label `name` to what precedes it. Where that is nothing (D2L puts `:label:`
  /// after a paragraph or a list too), the label names the section it is in, with a warning.
  mutating func attachLabel(_ name: String, line: Int, requireEquation: Bool = false) throws {
    var target = labelTarget
    if target == nil {
      try warn(
        .strayLabel, name, line: line,
        "label '\(name)' does not follow a heading, figure, table or equation")
      target = currentSection
    } else if requireEquation, case .equation = target {
    } else if requireEquation {
      try warn(
        .strayLabel, name, line: line, "equation label '\(name)' does not follow an equation")
    }
    if let existing = labels[name] {
      try warn(
        .duplicateLabel, name, line: line,
        "duplicate label '\(name)' (first at line \(existing.line))")
      return
    }
    guard let target else { return }
    labels[name] = Label(target: target, line: line)
  }

  mutating func addReference(_ name: String, role: String, line: Int) {
    references.append(PendingReference(name: name, role: role, line: line))
  }

  // MARK: - Math

  /// Renders LaTeX, reporting errors at the line that holds the offending command.
  /// LaTeX the renderer cannot read is, when warnings are allowed, shown as its source in
  /// `⟦LaTeX: …⟧` (so a reader sees it is not rendered) and named in the warnings.
  mutating func renderMath(_ latex: String, line: Int, display: Bool) throws -> [String] {
    do {
      return display ? try MathRenderer.renderLines(latex) : [try MathRenderer.renderInline(latex)]
    } catch let mathError as MathError {
      var errorLine = line
      if case .unknownCommand(let name) = mathError,
        let offset = latex.split(separator: "\n", omittingEmptySubsequences: false)
          .firstIndex(where: { $0.contains(name) })
      {
        errorLine += offset
      }
      try warn(.unrenderedMath, latex, line: errorLine, mathError.description)
      let source = latex.split(whereSeparator: \.isNewline)
        .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
      return ["⟦LaTeX: " + source + "⟧"]
    }
  }

  // MARK: - Helpers

  private func directive(of node: CmarkNode) throws -> FenceDirective {
    do {
      return try FenceDirective.parse(info: node.fenceInfo)
    } catch let directiveError as DirectiveError {
      throw error(node.startLine, directiveError.reason)
    }
  }

  static func droppingFinalNewline(_ text: String) -> String {
    text.hasSuffix("\n") ? String(text.dropLast()) : text
  }

  /// `inlines` without leading and trailing breaks and blank text (left behind by labels).
  static func trimmed(_ inlines: [MarkdownInline]) -> [MarkdownInline] {
    func isBlank(_ inline: MarkdownInline) -> Bool {
      switch inline {
      case .softBreak, .lineBreak: return true
      case .text(let text): return text.allSatisfy(\.isWhitespace)
      default: return false
      }
    }
    var result = Array(inlines.drop(while: isBlank).reversed().drop(while: isBlank).reversed())
    if case .text(let text)? = result.first {
      result[0] = .text(String(text.drop(while: \.isWhitespace)))
    }
    if case .text(let text)? = result.last {
      result[result.count - 1] = .text(
        String(text.reversed().drop(while: \.isWhitespace).reversed()))
    }
    return result
  }
}
