/// One lexical unit of a LaTeX formula.
enum MathToken: Equatable {
  /// `\name` (a control word, letters only) or `\c` (a control symbol such as `\,` or `\\`);
  /// the payload is the name without the backslash.
  case command(String)
  /// Any other single character: letters, digits, operators, delimiters.
  case character(Character)
  case openBrace
  case closeBrace
  case superscriptMark
  case subscriptMark
  case alignmentTab
  /// A run of whitespace: ignored in math mode, one space in text mode.
  case space
}

/// Splits a LaTeX formula into tokens, following TeX's rules for control sequences.
enum MathLexer {
  static func tokenize(_ latex: String) -> [MathToken] {
    let characters = Array(latex)
    var tokens: [MathToken] = []
    tokens.reserveCapacity(characters.count)
    var index = 0
    while index < characters.count {
      let character = characters[index]
      switch character {
      case "\\":
        index += 1
        guard index < characters.count else {
          tokens.append(.character("\\"))
          break
        }
        if characters[index].isASCIILetter {
          var name = ""
          while index < characters.count, characters[index].isASCIILetter {
            name.append(characters[index])
            index += 1
          }
          tokens.append(.command(name))
          // TeX swallows the spaces after a control word, so `\alpha x` is not `\alphax`
          // but the space also does not reach text mode.
          while index < characters.count, characters[index].isWhitespace { index += 1 }
          continue
        }
        tokens.append(.command(String(characters[index])))
      case "%":
        // A comment runs to the end of the line.
        while index < characters.count, characters[index] != "\n" { index += 1 }
        continue
      case "{": tokens.append(.openBrace)
      case "}": tokens.append(.closeBrace)
      case "^": tokens.append(.superscriptMark)
      case "_": tokens.append(.subscriptMark)
      case "&": tokens.append(.alignmentTab)
      default:
        if character.isWhitespace {
          while index + 1 < characters.count, characters[index + 1].isWhitespace { index += 1 }
          tokens.append(.space)
        } else {
          tokens.append(.character(character))
        }
      }
      index += 1
    }
    return tokens
  }
}

extension Character {
  var isASCIILetter: Bool { isASCII && isLetter }
}
