/// Hides `$…$` and `$$…$$` from cmark behind placeholder tokens.
///
/// CommonMark knows no math, so it would read the `_` of `$H_t^{(l)}$` as emphasis and the
/// `\\` as an escape. Before parsing, each math span outside code is replaced by a token made
/// of private-use characters and digits (which cmark leaves alone); after parsing, the lesson
/// builder swaps tokens in text for rendered math and tokens in code back to the source.
struct MathProtector {
  /// One protected math span.
  struct Span: Equatable {
    /// The LaTeX between the dollars.
    var latex: String
    /// `$$…$$` rather than `$…$`.
    var isDisplay: Bool
    /// The span as written, dollars included (restored inside code).
    var source: String
    /// 1-based line of the opening dollar.
    var line: Int
  }

  static let tokenStart: Character = "\u{E000}"
  static let tokenEnd: Character = "\u{E001}"
  static let tokenFill: Character = "\u{E002}"

  /// Whether `scalar` is one of the placeholder characters (which a lesson must not hold).
  static func isReserved(_ scalar: Unicode.Scalar) -> Bool {
    (0xE000...0xE002).contains(scalar.value)
  }

  /// The placeholder for span number `index`: `\u{E000}` index `\u{E001}`, spread over as many
  /// lines as the span's source so that cmark's line numbers still match the file. Each extra
  /// line starts with a filler character, so it is neither blank nor the start of a block.
  static func token(for index: Int, source: String) -> String {
    var token = String(tokenStart) + String(index)
    for character in source where character == "\n" {
      token.append(character)
      token.append(tokenFill)
    }
    token.append(tokenEnd)
    return token
  }

  /// The text with math replaced by tokens, and the spans in token order.
  private(set) var protectedText = ""
  private(set) var spans: [Span] = []

  /// Scans `markdown` (with `\n` line endings), skipping fenced code blocks and code spans.
  init(markdown: String) {
    let characters = Array(markdown)
    protectedText.reserveCapacity(markdown.utf8.count)
    var scanner = Scanner(characters: characters)
    while let character = scanner.peek() {
      if scanner.atLineStart, let fenceEnd = scanner.fencedBlockEnd() {
        append(characters[scanner.index..<fenceEnd], scanner: &scanner, to: fenceEnd)
      } else if character == "\\", scanner.index + 1 < characters.count {
        append(
          characters[scanner.index...scanner.index + 1], scanner: &scanner,
          to: scanner.index + 2)
      } else if character == "`" {
        let end = scanner.codeSpanEnd()
        append(characters[scanner.index..<end], scanner: &scanner, to: end)
      } else if character == "$", let span = scanner.mathSpan() {
        protectedText += MathProtector.token(for: spans.count, source: span.source)
        spans.append(
          Span(
            latex: span.latex, isDisplay: span.isDisplay, source: span.source,
            line: scanner.line))
        scanner.advance(to: span.end)
      } else {
        append(
          characters[scanner.index...scanner.index], scanner: &scanner,
          to: scanner.index + 1)
      }
    }
  }

  private mutating func append(_ text: ArraySlice<Character>, scanner: inout Scanner, to end: Int) {
    protectedText.append(contentsOf: text)
    scanner.advance(to: end)
  }

  /// Splits `text` at tokens: `.text` pieces and `.span` indices, in order.
  static func pieces(of text: String) -> [Piece] {
    guard text.contains(tokenStart) else { return [.text(text)] }
    var pieces: [Piece] = []
    var rest = text[...]
    while let start = rest.firstIndex(of: tokenStart),
      let end = rest[start...].firstIndex(of: tokenEnd),
      let index = Int(rest[rest.index(after: start)..<end].prefix(while: \.isASCIIDigit))
    {
      if start > rest.startIndex { pieces.append(.text(String(rest[..<start]))) }
      pieces.append(.span(index))
      rest = rest[rest.index(after: end)...]
    }
    if !rest.isEmpty { pieces.append(.text(String(rest))) }
    return pieces
  }

  enum Piece: Equatable {
    case text(String)
    case span(Int)
  }

  /// `text` with every token replaced by its span's source (for code and URLs).
  func restoringSource(_ text: String) -> String {
    MathProtector.pieces(of: text).map { piece in
      switch piece {
      case .text(let text): return text
      case .span(let index): return index < spans.count ? spans[index].source : ""
      }
    }.joined()
  }
}

/// A cursor over the Markdown characters that knows lines and CommonMark's code syntax.
private struct Scanner {
  let characters: [Character]
  var index = 0
  var line = 1

  func peek() -> Character? { index < characters.count ? characters[index] : nil }

  var atLineStart: Bool { index == 0 || characters[index - 1] == "\n" }

  mutating func advance(to end: Int) {
    while index < end {
      if characters[index] == "\n" { line += 1 }
      index += 1
    }
  }

  /// If a fenced code block opens at this line, the index just past its closing fence line
  /// (or the end of the text); container markers (`>`, indentation) are skipped loosely.
  func fencedBlockEnd() -> Int? {
    guard let (fenceCharacter, length) = fence(at: index, requireClosing: false) else {
      return nil
    }
    var position = lineEnd(from: index)
    while position < characters.count {
      let lineStart = position
      position = lineEnd(from: lineStart)
      if let (character, closingLength) = fence(at: lineStart, requireClosing: true),
        character == fenceCharacter, closingLength >= length
      {
        return position
      }
    }
    return characters.count
  }

  /// Index just past the newline ending the line that contains `start`.
  private func lineEnd(from start: Int) -> Int {
    var position = start
    while position < characters.count, characters[position] != "\n" { position += 1 }
    return min(position + 1, characters.count)
  }

  /// The fence character and length if the line at `start` is a fence line.
  private func fence(at start: Int, requireClosing: Bool) -> (Character, Int)? {
    var position = start
    while position < characters.count,
      characters[position] == " " || characters[position] == ">"
        || characters[position] == "\t"
    {
      position += 1
    }
    guard position < characters.count, characters[position] == "`" || characters[position] == "~"
    else { return nil }
    let fenceCharacter = characters[position]
    var length = 0
    while position < characters.count, characters[position] == fenceCharacter {
      length += 1
      position += 1
    }
    guard length >= 3 else { return nil }
    var rest = ""
    while position < characters.count, characters[position] != "\n" {
      rest.append(characters[position])
      position += 1
    }
    if requireClosing { return rest.allSatisfy(\.isWhitespace) ? (fenceCharacter, length) : nil }
    // A backtick fence's info string cannot contain backticks (that is a code span).
    if fenceCharacter == "`", rest.contains("`") { return nil }
    return (fenceCharacter, length)
  }

  /// The end of the code span starting here, or just past the backtick run if unmatched.
  func codeSpanEnd() -> Int {
    let runLength = run(of: "`", at: index)
    var position = index + runLength
    while position < characters.count {
      if characters[position] == "`" {
        let length = run(of: "`", at: position)
        if length == runLength { return position + length }
        position += length
      } else if isBlankLine(at: position) {
        break
      } else {
        position += 1
      }
    }
    return index + runLength
  }

  private func run(of character: Character, at start: Int) -> Int {
    var position = start
    while position < characters.count, characters[position] == character { position += 1 }
    return position - start
  }

  /// Whether `position` is a newline that ends a paragraph (the next line is blank).
  private func isBlankLine(at position: Int) -> Bool {
    guard characters[position] == "\n" else { return false }
    var next = position + 1
    while next < characters.count, characters[next] == " " || characters[next] == "\t" {
      next += 1
    }
    return next >= characters.count || characters[next] == "\n"
  }

  /// The math span opening at this `$`, following pandoc's rules so prices stay prices: the
  /// opening `$` is not followed by a space, the closing `$` not preceded by one nor followed
  /// by a digit. Spans do not cross a blank line.
  func mathSpan() -> (latex: String, isDisplay: Bool, source: String, end: Int)? {
    let isDisplay = index + 1 < characters.count && characters[index + 1] == "$"
    let delimiter = isDisplay ? 2 : 1
    let contentStart = index + delimiter
    guard contentStart < characters.count else { return nil }
    if !isDisplay, characters[contentStart].isWhitespace { return nil }
    var position = contentStart
    while position < characters.count {
      let character = characters[position]
      if character == "\\" {
        position += 2
        continue
      }
      if isBlankLine(at: position) { return nil }
      if character == "$" {
        if isDisplay {
          // A lone `$` inside display math is `\text{$n$ times}`: math within the text.
          guard position + 1 < characters.count, characters[position + 1] == "$" else {
            position += 1
            continue
          }
        } else {
          let after = position + 1
          if characters[position - 1].isWhitespace
            || (after < characters.count && characters[after].isNumber)
          {
            return nil
          }
        }
        let latex = String(characters[contentStart..<position])
        guard !latex.isEmpty else { return nil }
        let end = position + delimiter
        return (latex, isDisplay, String(characters[index..<end]), end)
      }
      position += 1
    }
    return nil
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}
