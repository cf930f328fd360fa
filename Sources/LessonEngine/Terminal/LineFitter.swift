/// Lines that fit the terminal: a line wider than the width is broken at its spaces, and the
/// pieces after the first are indented two columns deeper than the line itself, so that a
/// long log or output line reads as one item. Widths are display columns (`DisplayWidth`);
/// colour escape sequences take none.
public enum LineFitter {
  /// `line` as one or more lines of at most `width` columns (a single word wider than that
  /// stays whole on its own line).
  public static func fit(_ line: String, width: Int) -> [String] {
    guard columns(line) > width, width > 8 else { return [line] }
    let indentCount = line.prefix(while: { $0 == " " }).count
    let indent = String(repeating: " ", count: indentCount)
    let hanging = String(repeating: " ", count: min(indentCount + 2, width / 2))
    return paragraph(String(line.dropFirst(indentCount)), width: width, first: indent, rest: hanging)
  }

  /// `text` wrapped into lines of at most `width` columns, the first after `first` (a list
  /// marker such as `  1. `) and the others after `rest`. Runs of spaces inside a line are
  /// kept (a matrix's padded columns stay aligned); at a break they are dropped.
  public static func paragraph(_ text: String, width: Int, first: String, rest: String) -> [String] {
    var lines: [String] = [], current = first, currentWidth = columns(first), empty = true
    func close() { lines.append(current.trimmingTrailingSpaces()) }
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      if word.isEmpty {  // one more space of a run: kept unless the line has no word yet
        if !empty { (current, currentWidth) = (current + " ", currentWidth + 1) }
        continue
      }
      let w = columns(word)
      if !empty, currentWidth + 1 + w > width {
        close()
        current = rest + word
        currentWidth = columns(rest) + w
      } else {
        current += (empty ? "" : " ") + word
        currentWidth += (empty ? 0 : 1) + w
      }
      empty = false
    }
    close()
    return lines
  }

  /// `text`'s lines, each fitted to `width`.
  public static func fitLines(_ text: String, width: Int) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .flatMap { fit(String($0), width: width) }.joined(separator: "\n")
  }

  /// Display columns of `text`, not counting ANSI escape sequences (`ESC [ … m`).
  public static func columns<S: StringProtocol>(_ text: S) -> Int {
    guard text.contains("\u{1B}") else { return DisplayWidth.of(text) }
    var total = 0, inEscape = false
    for character in text {
      if inEscape {
        if character.isLetter { inEscape = false }
      } else if character == "\u{1B}" {
        inEscape = true
      } else {
        total += DisplayWidth.of(character)
      }
    }
    return total
  }

  /// `text` cut to at most `width` columns, ending with `…` when something was cut.
  public static func truncate(_ text: String, width: Int) -> String {
    guard columns(text) > width else { return text }
    var out = "", used = 0
    for character in text {
      let w = DisplayWidth.of(character)
      if used + w > width - 1 { break }
      out.append(character)
      used += w
    }
    return out.trimmingTrailingSpaces() + "…"
  }
}

extension String {
  /// The string without the spaces at its end.
  func trimmingTrailingSpaces() -> String {
    var s = self
    while s.last == " " { s.removeLast() }
    return s
  }
}
