/// A CommonMark node copied out of cmark into Swift values.
///
/// cmark's strings belong to its nodes and die with the tree, so `CmarkDocument` copies
/// everything the renderer needs into this value tree at once; the rest of the tool never
/// touches a C pointer.
struct CmarkNode: Equatable {
  enum Kind: Equatable {
    case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph
    case heading, thematicBreak
    case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong, link
    case image
  }

  var kind: Kind
  /// Text of TEXT, CODE, CODE_BLOCK (ends with a newline) and HTML nodes; empty otherwise.
  var literal = ""
  /// The raw info string of a fenced code block (`swift step=train epochs=5`).
  var fenceInfo = ""
  var headingLevel = 0
  var isOrderedList = false
  /// `1)` rather than `1.` in an ordered list.
  var usesParenDelimiter = false
  var listStart = 1
  var isTightList = false
  var url = ""
  var title = ""
  /// 1-based source lines; 0 where cmark records none (soft breaks).
  var startLine = 0
  var endLine = 0
  /// 1-based byte column of the node's start.
  var startColumn = 0
  var children: [CmarkNode] = []
}
