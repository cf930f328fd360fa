import CCmark

/// A CommonMark document parsed by cmark; owns the C tree and frees it on release.
///
///     let document = CmarkDocument(markdown: "# Title\n\nSome *text*.")
///     let root = document.root   // CmarkNode(kind: .document, children: [...])
///
/// Parsed with `CMARK_OPT_VALIDATE_UTF8`, so invalid UTF-8 would become U+FFFD instead of
/// undefined behaviour (Swift strings are valid UTF-8 anyway; `LessonParser` reports bad
/// bytes in files with their line before they get here).
final class CmarkDocument {
  private let rootPointer: OpaquePointer

  init(markdown: String) {
    // An empty buffer may have no base address; an empty line parses to the same document.
    var text = markdown.isEmpty ? "\n" : markdown
    let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
    rootPointer = text.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) { characters in
        cmark_parse_document(characters.baseAddress!, characters.count, options)
      }
    }
  }

  deinit {
    cmark_node_free(rootPointer)
  }

  /// Deeper nesting (lists in quotes in lists, emphasis in links, …) is not copied: no lesson
  /// needs it, and the copy, the lesson builder and the renderer all recurse.
  static let maximumDepth = 64

  /// The whole tree as Swift values.
  var root: CmarkNode { tree().root }

  /// The whole tree as Swift values, and the line of the first node nested deeper than
  /// `maximumDepth` (whose children were left out), if any.
  func tree() -> (root: CmarkNode, tooDeepLine: Int?) {
    var tooDeepLine: Int?
    let root = CmarkDocument.copy(rootPointer, depth: 0, line: 1, tooDeepLine: &tooDeepLine)
    return (root, tooDeepLine)
  }

  /// Copies `node` and its descendants, walking children with first_child / next.
  private static func copy(_ node: OpaquePointer, depth: Int, line: Int, tooDeepLine: inout Int?)
    -> CmarkNode
  {
    var copied = CmarkNode(kind: kind(of: node))
    copied.literal = string(cmark_node_get_literal(node))
    copied.startLine = Int(cmark_node_get_start_line(node))
    copied.endLine = Int(cmark_node_get_end_line(node))
    copied.startColumn = Int(cmark_node_get_start_column(node))
    switch copied.kind {
    case .codeBlock:
      copied.fenceInfo = string(cmark_node_get_fence_info(node))
    case .heading:
      copied.headingLevel = Int(cmark_node_get_heading_level(node))
    case .list:
      copied.isOrderedList = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
      copied.usesParenDelimiter = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM
      copied.listStart = Int(cmark_node_get_list_start(node))
      copied.isTightList = cmark_node_get_list_tight(node) != 0
    case .link, .image:
      copied.url = string(cmark_node_get_url(node))
      copied.title = string(cmark_node_get_title(node))
    default:
      break
    }
    let line = copied.startLine > 0 ? copied.startLine : line
    var child = cmark_node_first_child(node)
    if child != nil, depth >= maximumDepth {
      if tooDeepLine == nil { tooDeepLine = line }
      return copied
    }
    while let current = child {
      copied.children.append(copy(current, depth: depth + 1, line: line, tooDeepLine: &tooDeepLine))
      child = cmark_node_next(current)
    }
    return copied
  }

  /// Copies a string that belongs to a cmark node (nil becomes "").
  private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
  }

  private static func kind(of node: OpaquePointer) -> CmarkNode.Kind {
    switch cmark_node_get_type(node) {
    case CMARK_NODE_DOCUMENT: return .document
    case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
    case CMARK_NODE_LIST: return .list
    case CMARK_NODE_ITEM: return .item
    case CMARK_NODE_CODE_BLOCK: return .codeBlock
    case CMARK_NODE_HTML_BLOCK: return .htmlBlock
    case CMARK_NODE_CUSTOM_BLOCK: return .customBlock
    case CMARK_NODE_PARAGRAPH: return .paragraph
    case CMARK_NODE_HEADING: return .heading
    case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
    case CMARK_NODE_TEXT: return .text
    case CMARK_NODE_SOFTBREAK: return .softBreak
    case CMARK_NODE_LINEBREAK: return .lineBreak
    case CMARK_NODE_CODE: return .code
    case CMARK_NODE_HTML_INLINE: return .htmlInline
    case CMARK_NODE_CUSTOM_INLINE: return .customInline
    case CMARK_NODE_EMPH: return .emphasis
    case CMARK_NODE_STRONG: return .strong
    case CMARK_NODE_LINK: return .link
    case CMARK_NODE_IMAGE: return .image
    default: return .customBlock  // CMARK_NODE_NONE: not produced by the parser
    }
  }
}
