import Foundation

/// The footer after a step on a terminal, listing every key, and the key the learner pressed.
/// Keys the walk does not know (arrows, Home, PageDown, F1, any other escape sequence, any
/// other character) never quit: they draw the footer again. A resize draws it at the new width.
enum StepPrompt {
  enum Key: Equatable { case next, back, rerun, set, edit, runStale, outline, go(Int), quit }

  /// Waits for a key; end of input counts as next.
  static func ask(number: Int, of total: Int, color: Bool) -> Key {
    let keys = KeyReader()
    keys.start()
    // Keys pressed while the step ran were not meant for this prompt (nor seen answering it).
    if isatty(STDIN_FILENO) == 1 { tcflush(STDIN_FILENO, TCIFLUSH) }
    defer {
      keys.stop()
      Console.write("\r\u{1B}[2K")
    }
    drawFooter(number: number, total: total, color: color)
    while true {
      let press = keys.next()
      if press == .end { return .next }
      if let key = key(for: press) {
        if key != .go(0) { return key }
        if let target = askStepNumber(keys, total: total) { return .go(target) }
      } else if press == .character("?") || press == .character("h") {
        // Every key with what it does, one a line, above the footer.
        let legend = tr("step.keys").split(separator: "\n").flatMap { LineFitter.fit("  " + $0, width: Console.width - 1) }
        Console.write("\r\u{1B}[2K" + legend.joined(separator: "\n") + "\n")
      }
      drawFooter(number: number, total: total, color: color)
    }
  }

  /// What a key press asks for; nil for a key that asks for nothing (the footer shows again).
  /// `.go(0)` stands for `g`, whose step number is asked next.
  static func key(for press: KeyPress) -> Key? {
    guard case .character(let c) = press else { return nil }
    switch c {
    case "\n", "\r", "n", " ": return .next
    case "b": return .back
    case "r": return .rerun
    case "s": return .set
    case "e": return .edit
    case "a": return .runStale
    case "o": return .outline
    case "g": return .go(0)
    case "q", KeyPress.controlC, KeyPress.controlD: return .quit
    default: return nil
    }
  }

  /// `g`: digits, then Enter; Esc, Backspace past the start, or any other key gives up. A
  /// number outside the lesson is said so, and asked again.
  private static func askStepNumber(_ keys: KeyReader, total: Int) -> Int? {
    var question = tr("prompt.goTo", ["total": total])
    var digits = ""
    while true {
      Console.write("\r\u{1B}[2K" + question + digits)
      switch keys.next() {
      case .character(let c) where c.isASCII && c.isNumber && digits.count < 4: digits.append(c)
      case .character("\u{7F}"), .character("\u{08}"):
        if digits.isEmpty { return nil }
        digits.removeLast()
      case .character("\r"), .character("\n"):
        guard let n = Int(digits), (1...total).contains(n) else {
          if digits.isEmpty { return nil }
          question = tr("prompt.noSuchStep", ["number": digits]) + tr("prompt.goTo", ["total": total])
          digits = ""
          continue
        }
        return n
      case .resize: continue
      default: return nil
      }
    }
  }

  /// Clears the line and draws the footer fitted to the terminal's width now.
  static func drawFooter(number: Int, total: Int, color: Bool) {
    let text = footer(number: number, total: total, width: Console.width)
    Console.write("\r\u{1B}[2K" + (color ? "\u{1B}[7m \(text) \u{1B}[0m" : text))
  }

  /// The footer for `width` columns: every key with what it does when that fits, a shorter
  /// wording when not, the bare keys on a very narrow terminal; never wider than `width - 1`
  /// (so that the cursor stays on the line, and the next redraw clears all of it).
  static func footer(number: Int, total: Int, width: Int) -> String {
    let room = max(10, width - 3)
    for form in ["step.prompt", "step.promptShort", "step.promptKeys"] {
      let text = tr(form, ["number": number, "total": total])
      if LineFitter.columns(text) <= room { return text }
    }
    return LineFitter.truncate(tr("step.promptKeys", ["number": number, "total": total]), width: room)
  }
}
