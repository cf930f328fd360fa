/// The unclosed-fence check, made on the raw lines because cmark silently closes a fenced
/// block at the end of its container (usually the end of the file).
extension LessonBuilder {
  func checkFenceClosed(_ node: CmarkNode) throws {
    guard let (character, length) = openingFence(of: node) else { return }  // indented code
    let fence = String(repeating: character, count: length)
    guard node.endLine > node.startLine,
      isClosingFence(line: node.endLine, character: character, length: length)
    else {
      throw error(node.startLine, "code fence is never closed (expected a line '\(fence)')")
    }
  }

  /// The fence character and length at the block's start, if it is a fenced block.
  private func openingFence(of node: CmarkNode) -> (Character, Int)? {
    guard node.startLine >= 1, node.startLine <= lines.count else { return nil }
    // cmark's column is a 1-based byte offset.
    let bytes = lines[node.startLine - 1].utf8.dropFirst(max(node.startColumn - 1, 0))
    guard let first = bytes.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else {
      return nil
    }
    let length = bytes.prefix(while: { $0 == first }).count
    return length >= 3 ? (Character(Unicode.Scalar(first)), length) : nil
  }

  private func isClosingFence(line: Int, character: Character, length: Int) -> Bool {
    guard line >= 1, line <= lines.count else { return false }
    // Container prefixes (`> `, list indentation) come before the fence.
    let text = lines[line - 1].drop(while: { $0 == " " || $0 == "\t" || $0 == ">" })
    let run = text.prefix(while: { $0 == character }).count
    return run >= length && text.dropFirst(run).allSatisfy(\.isWhitespace)
  }
}
