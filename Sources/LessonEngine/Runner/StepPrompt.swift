import Foundation

/// The footer after a step on a terminal, listing every key, and the key the learner pressed.
enum StepPrompt {
  enum Key { case next, back, rerun, set, edit, quit }

  /// Waits for a key; end of input counts as next.
  static func ask(number: Int, of total: Int, color: Bool) -> Key {
    let text = tr("step.prompt", ["number": number, "total": total])
    Console.write(color ? "\u{1B}[7m \(text) \u{1B}[0m" : text)
    let keys = KeyReader()
    keys.start()
    defer {
      keys.stop()
      Console.write("\r\u{1B}[2K")
    }
    while let key = keys.next() {
      switch key {
      case "\n", "\r", "n", " ": return .next
      case "b": return .back
      case "r": return .rerun
      case "s": return .set
      case "e": return .edit
      case "q", "\u{1B}": return .quit
      default: continue
      }
    }
    return .next
  }
}
