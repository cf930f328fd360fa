import CCmark
import Foundation

/// A lesson file as HTML, rendered by cmark (`cmark_render_html`) with the lesson's own
/// constructs spliced into cmark's tree first: math as MathML, D2L's roles (`:label:`,
/// `:eqref:`, `:numref:`, `:cite:`) as anchors and links, display equations numbered as in
/// the terminal, headings with ids and anchor links, code coloured by the terminal's
/// highlighter, and each step directive replaced by its HTML (code, outputs, state).
///
/// Math is hidden from cmark behind `MathProtector`'s tokens, exactly as for the terminal, and
/// numbers (sections, equations, references) come from the parsed `LessonDocument`, so the
/// page and the terminal never disagree.
struct ProseHTML {
  let document: LessonDocument
  /// The HTML of a step, by id.
  let stepHTML: (StepDirective) -> String

  /// The lesson's Markdown, `text`, as the page's article body.
  func render(_ text: String) -> String {
    let protector = MathProtector(markdown: text)
    var protected = protector.protectedText.isEmpty ? "\n" : protector.protectedText
    let root = protected.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress!, $0.count, CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8) }
    }!
    defer { cmark_node_free(root) }
    Splicer(document: document, protector: protector, stepHTML: stepHTML).splice(root)
    guard let html = cmark_render_html(root, CMARK_OPT_DEFAULT | CMARK_OPT_UNSAFE) else { return "" }
    defer { free(html) }
    return String(cString: html)
  }
}

/// The rewriting of one cmark tree; nodes are collected first, then changed, so that no
/// iterator walks a tree being changed. Nodes taken out are unlinked at once but freed only at
/// the end, so that a pass over nodes collected earlier never touches freed memory.
private final class Splicer {
  let document: LessonDocument
  let protector: MathProtector
  let stepHTML: (StepDirective) -> String
  /// Labels given to headings by the `:label:` paragraph after them.
  var headingLabels: [OpaquePointer: String] = [:]
  /// Unlinked nodes (each the root of its own detached tree), freed when the splice is done.
  private var garbage: [OpaquePointer] = []

  init(document: LessonDocument, protector: MathProtector, stepHTML: @escaping (StepDirective) -> String) {
    self.document = document
    self.protector = protector
    self.stepHTML = stepHTML
  }

  func splice(_ root: OpaquePointer) {
    defer { garbage.forEach { cmark_node_free($0) } }
    for node in nodes(root, type: CMARK_NODE_CODE_BLOCK) { codeBlock(node) }
    for node in nodes(root, type: CMARK_NODE_CODE) { role(node) }
    for node in nodes(root, type: CMARK_NODE_TEXT) { mergeSplitToken(node) }
    for node in nodes(root, type: CMARK_NODE_TEXT) { math(node) }
    for node in nodes(root, type: CMARK_NODE_CODE) {
      cmark_node_set_literal(node, protector.restoringSource(literal(node)))
    }
    let numbers = sectionNumbers
    for (k, node) in nodes(root, type: CMARK_NODE_HEADING).enumerated() {
      heading(node, number: k < numbers.count ? numbers[k] : "")
    }
  }

  // MARK: - Blocks

  /// A step directive, a display equation or an ordinary code block.
  private func codeBlock(_ node: OpaquePointer) {
    let info = string(cmark_node_get_fence_info(node))
    let code = String(literal(node).dropLast(literal(node).hasSuffix("\n") ? 1 : 0))
    let html: String
    switch try? FenceDirective.parse(info: info) {
    case .step(let id, _, _)?:
      guard let step = document.step(id: id) else { return }
      html = stepHTML(step)
    case .math(let label)?:
      html = displayEquation(code, label: label)
    default:
      let language = info.split(separator: " ").first.map(String.init)
      html = HTML.code(code, language: language)
    }
    replace(node, with: html, type: CMARK_NODE_HTML_BLOCK)
  }

  /// A numbered display equation, its label its id (the target of `:eqref:` links).
  private func displayEquation(_ latex: String, label: String?) -> String {
    let number = label.flatMap { equationNumbers[$0] }
    let id = label.map { #" id="\#(HTML.escape($0))""# } ?? ""
    let tag = number.map { #"<span class="eqno">(\#($0))</span>"# } ?? ""
    return #"<div class="equation"\#(id)>"# + MathMLRenderer.render(latex, display: true) + tag + "</div>\n"
  }

  /// A heading with its section number, an id (its label, else its text) and a link to itself.
  private func heading(_ node: OpaquePointer, number: String) {
    guard let rendered = cmark_render_html(node, CMARK_OPT_DEFAULT | CMARK_OPT_UNSAFE) else { return }
    let html = String(cString: rendered)
    free(rendered)
    let level = Int(cmark_node_get_heading_level(node))
    guard let open = html.range(of: ">"), let close = html.range(of: "</h\(level)>", options: .backwards) else { return }
    let content = String(html[open.upperBound..<close.lowerBound])
    let id = headingLabels[node] ?? HTML.slug(plainText(node))
    let secno = number.isEmpty ? "" : #"<span class="secno">\#(number)</span> "#
    let anchor = ##"<a class="anchor" href="#\##(HTML.escape(id))" aria-label="§">#</a>"##
    replace(node, with: #"<h\#(level) id="\#(HTML.escape(id))">\#(secno)\#(content)\#(anchor)</h\#(level)>"# + "\n", type: CMARK_NODE_HTML_BLOCK)
  }

  // MARK: - Roles

  /// `:eqref:`x`` and `:numref:`x`` as links, `:cite:`x`` as `[x]`, `:label:`x`` as an id
  /// (of the heading before its paragraph, or an anchor where it stands).
  private func role(_ code: OpaquePointer) {
    guard let before = cmark_node_previous(code), cmark_node_get_type(before) == CMARK_NODE_TEXT else { return }
    let text = literal(before)
    guard let role = ["eqref", "numref", "label", "cite"].first(where: { text.hasSuffix(":\($0):") }) else { return }
    let name = literal(code)
    let rest = String(text.dropLast(role.count + 2))
    if rest.isEmpty { discard(before) } else { cmark_node_set_literal(before, rest) }
    switch role {
    case "eqref", "numref":
      let shown = references[name] ?? name
      replace(code, with: ##"<a class="ref" href="#\##(HTML.escape(name))">\##(HTML.escape(shown))</a>"##, type: CMARK_NODE_HTML_INLINE)
    case "cite":
      replace(code, with: #"<span class="cite">[\#(HTML.escape(name))]</span>"#, type: CMARK_NODE_HTML_INLINE)
    default:
      label(code, name: name)
    }
  }

  private func label(_ code: OpaquePointer, name: String) {
    let paragraph = cmark_node_parent(code)
    discard(code)
    guard let paragraph else { return }
    if plainText(paragraph).allSatisfy(\.isWhitespace) {
      if let previous = cmark_node_previous(paragraph), cmark_node_get_type(previous) == CMARK_NODE_HEADING {
        headingLabels[previous] = name
        discard(paragraph)
        return
      }
    }
    let anchor = cmark_node_new(CMARK_NODE_HTML_INLINE)!
    cmark_node_set_literal(anchor, #"<span id="\#(HTML.escape(name))"></span>"#)
    cmark_node_prepend_child(paragraph, anchor)
  }

  // MARK: - Math

  /// A math token spread over several lines is split by cmark into text, soft break, text:
  /// joined again into one text node before the math is spliced in.
  private func mergeSplitToken(_ node: OpaquePointer) {
    guard cmark_node_parent(node) != nil else { return }
    var text = literal(node)
    while let start = text.lastIndex(of: MathProtector.tokenStart), !text[start...].contains(MathProtector.tokenEnd),
      let next = cmark_node_next(node)
    {
      let type = cmark_node_get_type(next)
      if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { text += "\n" } else if type == CMARK_NODE_TEXT {
        text += literal(next)
      } else {
        break
      }
      discard(next)
    }
    cmark_node_set_literal(node, text)
  }

  /// A text node holding math tokens becomes text and MathML, in order.
  private func math(_ node: OpaquePointer) {
    guard cmark_node_parent(node) != nil else { return }
    let pieces = MathProtector.pieces(of: literal(node))
    guard pieces.contains(where: { if case .span = $0 { true } else { false } }) else { return }
    for piece in pieces {
      let inserted: OpaquePointer
      switch piece {
      case .text(let text):
        inserted = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(inserted, text.filter { $0 != MathProtector.tokenFill })
      case .span(let index):
        guard index < protector.spans.count else { continue }
        let span = protector.spans[index]
        inserted = cmark_node_new(CMARK_NODE_HTML_INLINE)!
        cmark_node_set_literal(inserted, MathMLRenderer.render(span.latex, display: span.isDisplay))
      }
      cmark_node_insert_before(node, inserted)
    }
    discard(node)
  }

  // MARK: - Numbers from the parsed lesson

  /// The section number of each heading, in document order.
  var sectionNumbers: [String] {
    document.blocks.flatMap { block -> [String] in
      guard case .prose(let prose) = block else { return [] }
      return prose.compactMap { if case .heading(_, let number, _, _) = $0 { number } else { nil } }
    }
  }

  /// The number of each labelled display equation.
  var equationNumbers: [String: Int] {
    var numbers: [String: Int] = [:]
    for case .prose(let prose) in document.blocks {
      for case .equation(let equation) in prose {
        if let label = equation.label, let number = equation.number { numbers[label] = number }
      }
    }
    return numbers
  }

  /// The text each `:eqref:`/`:numref:` shows (`(3)`, `Section 1.2`), by label.
  var references: [String: String] {
    var texts: [String: String] = [:]
    func visit(_ inlines: [MarkdownInline]) {
      for inline in inlines {
        switch inline {
        case .reference(let name, let text): texts[name] = text
        case .emphasis(let inner), .strong(let inner), .link(_, let inner): visit(inner)
        default: break
        }
      }
    }
    func visit(_ block: MarkdownBlock) {
      switch block {
      case .heading(_, _, let content, _), .paragraph(let content, _): visit(content)
      case .list(let list): list.items.forEach { $0.forEach(visit) }
      case .blockQuote(let blocks): blocks.forEach(visit)
      case .table(let rows, _, _): rows.forEach(visit)
      default: break
      }
    }
    for case .prose(let prose) in document.blocks { prose.forEach(visit) }
    return texts
  }

  // MARK: - cmark helpers

  private func nodes(_ root: OpaquePointer, type: cmark_node_type) -> [OpaquePointer] {
    var found: [OpaquePointer] = []
    let iterator = cmark_iter_new(root)
    defer { cmark_iter_free(iterator) }
    while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
      if cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
        cmark_node_get_type(node) == type
      {
        found.append(node)
      }
    }
    return found
  }

  private func replace(_ node: OpaquePointer, with html: String, type: cmark_node_type) {
    let replacement = cmark_node_new(type)!
    cmark_node_set_literal(replacement, html)
    cmark_node_replace(node, replacement)
    garbage.append(node)
  }

  private func discard(_ node: OpaquePointer) {
    cmark_node_unlink(node)
    garbage.append(node)
  }

  private func literal(_ node: OpaquePointer) -> String { string(cmark_node_get_literal(node)) }

  private func string(_ pointer: UnsafePointer<CChar>?) -> String { pointer.map { String(cString: $0) } ?? "" }

  /// The text of a node's inline descendants.
  private func plainText(_ node: OpaquePointer) -> String {
    var text = ""
    let iterator = cmark_iter_new(node)
    defer { cmark_iter_free(iterator) }
    while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
      guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let inner = cmark_iter_get_node(iterator) else { continue }
      let type = cmark_node_get_type(inner)
      if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE { text += literal(inner) }
      if type == CMARK_NODE_SOFTBREAK { text += " " }
    }
    return text
  }
}
