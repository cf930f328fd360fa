/// Second pass over the blocks: `:numref:`/`:eqref:` text and equation numbers, now that every
/// label in the lesson (including ones after the reference) is known.
struct ReferenceResolver {
  let labels: [String: LessonBuilder.Label]
  /// "Section", "Fig.", "Table" in the lesson's language.
  var words = ReferenceWords.english
  /// The titles of labelled sections and figures elsewhere in the book, for references to
  /// them (set only when some reference points outside the lesson).
  var book = BookIndex()
  /// Equation index → (number, label) for labelled equations, numbered in document order.
  private let equations: [Int: (number: Int, label: String)]

  init(labels: [String: LessonBuilder.Label]) {
    self.labels = labels
    var labelled: [Int: String] = [:]
    for (name, label) in labels.sorted(by: { $0.value.line < $1.value.line }) {
      if case .equation(let index) = label.target, labelled[index] == nil { labelled[index] = name }
    }
    var equations: [Int: (Int, String)] = [:]
    for (number, index) in labelled.keys.sorted().enumerated() {
      equations[index] = (number + 1, labelled[index]!)
    }
    self.equations = equations
  }

  /// Checks every reference, in document order, before anything is rewritten.
  /// - Returns: a warning for each reference that does not resolve (none when `strict`).
  /// - Throws: under `strict`, the first such reference as a `LessonError`.
  func validate(_ references: [LessonBuilder.PendingReference], file: String, strict: Bool)
    throws -> [LessonWarning]
  {
    var warnings: [LessonWarning] = []
    for reference in references {
      var warning: LessonWarning?
      if let label = labels[reference.name] {
        if reference.role == "eqref", case .equation = label.target {
        } else if reference.role == "eqref" {
          warning = LessonWarning(
            file: file, line: reference.line, kind: .referenceNotEquation,
            subject: reference.name,
            message: "eqref '\(reference.name)' does not name an equation")
        }
      } else {
        let message =
          strict
          ? "unknown reference '\(reference.name)'"
          : "reference '\(reference.name)' is outside this file, shown as “\(text(for: reference.name, role: reference.role))”"
        warning = LessonWarning(
          file: file, line: reference.line, kind: .unknownReference, subject: reference.name,
          message: message)
      }
      guard let warning else { continue }
      if strict { throw warning.error }
      warnings.append(warning)
    }
    return warnings
  }

  func resolve(_ blocks: [LessonBlock]) -> [LessonBlock] {
    blocks.map { block in
      switch block {
      case .prose(let prose): return .prose(prose.map(resolve))
      case .step: return block
      }
    }
  }

  func resolve(_ block: MarkdownBlock) -> MarkdownBlock {
    switch block {
    case .heading(let level, let number, let content, let line):
      return .heading(level: level, number: number, content: resolve(content), line: line)
    case .paragraph(let content, let line):
      return .paragraph(resolve(content), line: line)
    case .list(var list):
      list.items = list.items.map { $0.map(resolve) }
      return .list(list)
    case .blockQuote(let blocks):
      return .blockQuote(blocks.map(resolve))
    case .equation(var equation):
      if let (number, label) = equations[equation.index] {
        equation.number = number
        equation.label = label
      }
      return .equation(equation)
    case .table(let rows, let number, let line):
      return .table(rows: rows.map(resolve), number: number, line: line)
    case .codeBlock, .html, .thematicBreak:
      return block
    }
  }

  func resolve(_ inlines: [MarkdownInline]) -> [MarkdownInline] {
    inlines.map { inline in
      switch inline {
      case .reference(let name, let role):
        return .reference(name: name, text: text(for: name, role: role))
      case .emphasis(let content): return .emphasis(resolve(content))
      case .strong(let content): return .strong(resolve(content))
      case .link(let url, let content): return .link(url: url, content: resolve(content))
      case .image(let url, let caption, let figure):
        return .image(url: url, caption: resolve(caption), figure: figure)
      default: return inline
      }
    }
  }

  /// `Section 1.2`, `Fig. 3`, `Table 1`, or `(2)` for equations, as D2L prints them.
  private func text(for name: String, role: String) -> String {
    switch labels[name]?.target {
    case .section(let number): return "\(words.section) \(number)"
    case .figure(let number): return "\(words.figure) \(number)"
    case .table(let number): return "\(words.table) \(number)"
    case .equation(let index): return equations[index].map { "(\($0.number))" } ?? "(?)"
    case nil: return outside(name, role: role)
    }
  }

  /// A reference outside the lesson: `§ Long Short-Term Memory (LSTM)` where the book index
  /// knows the section's title, otherwise the label made readable (`sec_lstm` → `§ lstm`).
  private func outside(_ name: String, role: String) -> String {
    let (kind, readable) = ReferenceResolver.readable(name)
    if role == "eqref" || kind == "eq" { return "(\(readable))" }
    switch kind {
    case "fig": return "\(words.figure) \(book.titles[name].flatMap(Self.short) ?? readable)"
    case "tab": return "\(words.table) \(readable)"
    default: return "§ " + (book.titles[name] ?? readable)
    }
  }

  /// A figure's caption is its title when it is short enough to read in a sentence.
  private static func short(_ caption: String) -> String? {
    caption.count <= 60 ? "“" + caption + "”" : nil
  }

  /// `sec_deep_rnn` → ("sec", "deep rnn"); `subsec_x` counts as a section.
  static func readable(_ name: String) -> (kind: String, text: String) {
    var kind = ""
    var body = Substring(name)
    if let underscore = name.firstIndex(of: "_"),
      ["sec", "subsec", "chap", "fig", "tab", "eq", "eqn"].contains(String(name[..<underscore]))
    {
      kind = String(name[..<underscore])
      body = name[name.index(after: underscore)...]
    }
    if kind == "eqn" { kind = "eq" }
    let text = body.map { $0 == "_" || $0 == "-" ? " " : $0 }
    return (kind, String(text).isEmpty ? name : String(text))
  }
}

/// The words references are printed with, so that a Vietnamese lesson says "Mục 1.3" where
/// the English one says "Section 1.3".
struct ReferenceWords: Equatable, Sendable {
  var section: String
  var figure: String
  var table: String

  static let english = ReferenceWords(section: "Section", figure: "Fig.", table: "Table")
  static let vietnamese = ReferenceWords(section: "Mục", figure: "Hình", table: "Bảng")

  /// The words for a lesson file: lessons in a `vi/` folder are Vietnamese.
  static func forLesson(file: String) -> ReferenceWords {
    file.hasPrefix("vi/") || file.contains("/vi/") ? .vietnamese : .english
  }
}
