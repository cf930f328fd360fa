import Foundation

/// A line typed at a question of the walk (`s`'s new values), with the keys a shell's prompt
/// has taught a learner: Left and Right move, Home and End (or Ctrl-A, Ctrl-E) jump, Backspace
/// and Delete remove, Ctrl-U clears what is left of the cursor. Up, Down and every other escape
/// sequence do nothing, rather than landing in the answer as `^[[A`. Enter gives the line;
/// Ctrl-D on an empty line, or the end of input, gives none.
///
/// The editing is a value (`press`), so that tests drive it key by key; `readLine()` runs it on
/// the terminal, drawing the answer in place after the question.
struct LineEditor {
  private(set) var text: [Character] = []
  /// Where the next character goes, in characters from the start of `text`.
  private(set) var cursor = 0

  enum Outcome: Equatable { case editing, done(String), cancelled }

  /// Applies one key.
  mutating func press(_ key: KeyPress) -> Outcome {
    switch key {
    case .character("\r"), .character("\n"): return .done(String(text))
    case .end: return text.isEmpty ? .cancelled : .done(String(text))
    case .character(KeyPress.controlD): if text.isEmpty { return .cancelled }
    case .character("\u{7F}"), .character("\u{08}"):
      if cursor > 0 { text.remove(at: cursor - 1); cursor -= 1 }
    case .character("\u{01}"): cursor = 0
    case .character("\u{05}"): cursor = text.count
    case .character("\u{15}"): text.removeFirst(cursor); cursor = 0
    case .character(let c) where !(c.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false):
      text.insert(c, at: cursor)
      cursor += 1
    case .sequence(let bytes): move(Self.motion(bytes))
    default: break
    }
    return .editing
  }

  enum Motion { case left, right, home, end, delete, none }

  /// What an escape sequence asks of the line: the arrows and Home/End in both the CSI (`ESC [`)
  /// and SS3 (`ESC O`) forms terminals send, the vt forms `ESC [1~`…`ESC [8~`, and Delete.
  static func motion(_ bytes: [UInt8]) -> Motion {
    switch String(decoding: bytes.dropFirst(), as: UTF8.self) {
    case "[D", "OD": return .left
    case "[C", "OC": return .right
    case "[H", "OH", "[1~", "[7~": return .home
    case "[F", "OF", "[4~", "[8~": return .end
    case "[3~": return .delete
    default: return .none
    }
  }

  private mutating func move(_ motion: Motion) {
    switch motion {
    case .left: cursor = max(0, cursor - 1)
    case .right: cursor = min(text.count, cursor + 1)
    case .home: cursor = 0
    case .end: cursor = text.count
    case .delete: if cursor < text.count { text.remove(at: cursor) }
    case .none: break
    }
  }

  /// Terminal columns from the start of the answer to the cursor.
  var cursorColumns: Int { LineFitter.columns(String(text[..<cursor])) }

  /// What redraws the answer after the question, for a terminal cursor `shown` columns into the
  /// old answer: back to the answer's start, the answer, clear the rest of the line, back to
  /// the cursor. Only the answer is drawn again, so a question that wrapped stays as it is.
  func drawing(from shown: Int) -> String {
    let back = LineFitter.columns(String(text[cursor...]))
    return (shown > 0 ? "\u{1B}[\(shown)D" : "") + String(text) + "\u{1B}[K" + (back > 0 ? "\u{1B}[\(back)D" : "")
  }

  /// Reads one answer from the terminal, key by key (`KeyReader`), echoing it as it is edited.
  static func readLine() -> String? {
    let keys = KeyReader()
    keys.start()
    defer { keys.stop() }
    var editor = LineEditor(), shown = 0
    while true {
      let press = keys.next()
      if press == .resize { continue }
      let outcome = editor.press(press)
      if case .editing = outcome {
        Console.write(editor.drawing(from: shown))
        shown = editor.cursorColumns
        continue
      }
      // Leave the cursor after the whole answer, then end the line.
      editor.cursor = editor.text.count
      Console.write(editor.drawing(from: shown) + "\n")
      if case .done(let line) = outcome { return line }
      return nil
    }
  }
}
