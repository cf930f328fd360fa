/// Greedy word wrapping of styled text by display width.
///
/// Words are the runs between spaces of breakable fragments; a word may span fragments
/// (`*word*.` is one word in two styles). Runs of spaces collapse to one, as in HTML. A word
/// wider than the line overflows rather than being cut, except that code or math wider than
/// a whole line is broken at its own spaces.
enum TextWrapper {
  static func wrap(_ fragments: [StyledFragment], width: Int) -> [[StyledFragment]] {
    var lines: [[StyledFragment]] = [[]]
    var lineWidth = 0
    func place(_ word: Word) {
      if lineWidth > 0, lineWidth + 1 + word.width > width {
        lines.append([])
        lineWidth = 0
      }
      if lineWidth > 0 {
        // The space between two words of one style (a link's text, a heading) keeps that
        // style, so an underline does not break and the escape sequences are not repeated.
        let previous = lines[lines.count - 1].last?.style ?? .plain
        let style = previous == word.pieces.first?.style ? previous : .plain
        lines[lines.count - 1].append(StyledFragment(text: " ", style: style))
        lineWidth += 1
      }
      lines[lines.count - 1] += word.pieces
      lineWidth += word.width
    }
    for token in tokens(fragments) {
      switch token {
      case .word(let word):
        if word.width > width {
          split(word).forEach(place)
        } else {
          place(word)
        }
      case .lineBreak:
        lines.append([])
        lineWidth = 0
      }
    }
    return lines
  }

  struct Word {
    var pieces: [StyledFragment] = []
    var width = 0

    mutating func append(_ character: Character, style: TerminalStyle, breakable: Bool) {
      if let last = pieces.last, last.style == style, last.breakable == breakable {
        pieces[pieces.count - 1].text.append(character)
      } else {
        pieces.append(StyledFragment(text: String(character), style: style, breakable: breakable))
      }
      width += DisplayWidth.of(character)
    }
  }

  enum Token {
    case word(Word)
    case lineBreak
  }

  private static func tokens(_ fragments: [StyledFragment]) -> [Token] {
    var tokens: [Token] = []
    var word = Word()
    func finishWord() {
      if !word.pieces.isEmpty { tokens.append(.word(word)) }
      word = Word()
    }
    for fragment in fragments {
      for character in fragment.text {
        if character == "\n" {
          finishWord()
          tokens.append(.lineBreak)
        } else if fragment.breakable, character == " " || character == "\t" {
          finishWord()
        } else {
          word.append(character, style: fragment.style, breakable: fragment.breakable)
        }
      }
    }
    finishWord()
    return tokens
  }

  /// An over-wide word broken at the spaces inside its unbreakable pieces.
  private static func split(_ word: Word) -> [Word] {
    var words: [Word] = []
    var current = Word()
    for piece in word.pieces {
      for character in piece.text {
        if character == " " {
          if !current.pieces.isEmpty { words.append(current) }
          current = Word()
        } else {
          current.append(character, style: piece.style, breakable: piece.breakable)
        }
      }
    }
    if !current.pieces.isEmpty { words.append(current) }
    return words
  }
}
