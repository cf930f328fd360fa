import Foundation
import Testing
@testable import LessonEngine

/// The answer line of `s`: the keys of a shell's prompt edit it, and no escape sequence is
/// ever typed into it.
@Suite struct LineEditorTests {
  static let left = KeyPress.sequence(Array("\u{1B}[D".utf8))
  static let right = KeyPress.sequence(Array("\u{1B}[C".utf8))
  static let up = KeyPress.sequence(Array("\u{1B}[A".utf8))
  static let home = KeyPress.sequence(Array("\u{1B}[H".utf8))
  static let end = KeyPress.sequence(Array("\u{1B}OF".utf8))
  static let delete = KeyPress.sequence(Array("\u{1B}[3~".utf8))

  /// Types `keys` (a string's characters, or whole sequences) and gives the outcome of the last.
  static func type(_ keys: [KeyPress]) -> (LineEditor, LineEditor.Outcome) {
    var editor = LineEditor(), outcome = LineEditor.Outcome.editing
    for key in keys { outcome = editor.press(key) }
    return (editor, outcome)
  }
  static func chars(_ s: String) -> [KeyPress] { s.map { .character($0) } }

  @Test func leftThenTypeInsertsInTheMiddle() {
    let (_, outcome) = Self.type(Self.chars("6") + [Self.left] + Self.chars("1\r"))
    #expect(outcome == .done("16"))
  }

  @Test func upDownAndUnknownSequencesAreNotTyped() {
    let keys = Self.chars("12") + [Self.up, .sequence(Array("\u{1B}[B".utf8)), .sequence(Array("\u{1B}OP".utf8)), .escape]
    let (_, outcome) = Self.type(keys + Self.chars("\r"))
    #expect(outcome == .done("12"))
  }

  @Test func homeEndBackspaceDeleteAndControlU() {
    #expect(Self.type(Self.chars("0.5") + [Self.home] + Self.chars("1") + [Self.end] + Self.chars("\r")).1 == .done("10.5"))
    #expect(Self.type(Self.chars("lstm\u{7F}\u{7F}\r")).1 == .done("ls"))
    #expect(Self.type(Self.chars("gru") + [Self.home, Self.delete] + Self.chars("\r")).1 == .done("ru"))
    #expect(Self.type(Self.chars("abc") + [Self.left] + Self.chars("\u{15}\r")).1 == .done("c"))
    #expect(Self.type(Self.chars("\u{01}x\u{05}y\r")).1 == .done("xy"))
    // The cursor stops at either end.
    #expect(Self.type(Self.chars("ab") + [Self.right, Self.right, Self.left, Self.left, Self.left] + Self.chars("<\r")).1 == .done("<ab"))
  }

  @Test func controlDOnAnEmptyLineOrTheEndOfInputGivesNone() {
    #expect(Self.type(Self.chars("\u{04}")).1 == .cancelled)
    #expect(Self.type([.end]).1 == .cancelled)
    #expect(Self.type(Self.chars("7\u{04}")).1 == .editing)
    #expect(Self.type(Self.chars("7") + [.end]).1 == .done("7"))
  }

  /// The redraw goes back to the answer's start, draws it, clears the rest, and steps back to
  /// the cursor, counting a wide character as two columns.
  @Test func drawingMovesByColumns() {
    let (editor, _) = Self.type(Self.chars("a界b") + [Self.left])
    #expect(editor.cursorColumns == 3)
    #expect(editor.drawing(from: 4) == "\u{1B}[4Da界b\u{1B}[K\u{1B}[1D")
    #expect(LineEditor().drawing(from: 0) == "\u{1B}[K")
  }
}
