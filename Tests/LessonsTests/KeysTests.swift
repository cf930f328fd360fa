import Foundation
import Testing
@testable import LessonEngine

/// Keys at a step's prompt: escape sequences are read whole and never quit; q, Ctrl-C and
/// Ctrl-D do; the footer lists every key and fits the terminal.
@Suite struct KeysTests {
  /// Decodes `bytes` as a terminal would send them; a read past the end times out (a lone Esc).
  static func decode(_ bytes: [UInt8]) -> [KeyPress] {
    var rest = bytes[...]
    let decoder = KeyDecoder { timeout in
      guard let b = rest.popFirst() else { return timeout == nil ? .end : .timedOut }
      return .byte(b)
    }
    var keys: [KeyPress] = []
    while true {
      let key = decoder.next()
      if key == .end { return keys }
      keys.append(key)
    }
  }

  static let sequences: [String: String] = [
    "Up": "\u{1B}[A", "Down": "\u{1B}[B", "Right": "\u{1B}[C", "Left": "\u{1B}[D", "Home": "\u{1B}[H", "End": "\u{1B}[F",
    "Home (vt)": "\u{1B}[1~", "PageUp": "\u{1B}[5~", "PageDown": "\u{1B}[6~", "F1": "\u{1B}OP", "F5": "\u{1B}[15~",
    "Shift-Up": "\u{1B}[1;2A", "Alt-q": "\u{1B}q",
  ]

  @Test(arguments: sequences.keys.sorted())
  func escapeSequenceIsOneKeyThatAsksForNothing(name: String) {
    let bytes = Array(Self.sequences[name]!.utf8)
    let keys = Self.decode(bytes + Array("n".utf8))
    #expect(keys == [.sequence(bytes), .character("n")], "\(name)")
    #expect(StepPrompt.key(for: keys[0]) == nil)
  }

  @Test func loneEscapeIsNotQuit() {
    #expect(Self.decode([0x1B]) == [.escape])
    #expect(StepPrompt.key(for: .escape) == nil)
  }

  @Test func quitKeys() {
    for key in ["q", "\u{03}", "\u{04}"] {
      #expect(StepPrompt.key(for: .character(Character(key))) == .quit)
    }
    #expect(StepPrompt.key(for: .character("x")) == nil)
    #expect(StepPrompt.key(for: .character("n")) == .next)
  }

  @Test func multiByteCharacterIsOneKey() {
    #expect(Self.decode(Array("é".utf8)) == [.character("é")])
  }

  @Test func runawaySequenceIsCutAndLeavesTheRestAlone() {
    let long = [UInt8]("\u{1B}[".utf8) + Array(repeating: UInt8(ascii: "1"), count: 40)
    let keys = Self.decode(long)
    #expect(keys.first == .sequence(Array(long.prefix(KeyDecoder.longestSequence))))
  }

  @Test(arguments: [20, 40, 60, 80, 100, 160])
  func footerFitsAndListsEveryKey(width: Int) {
    let footer = StepPrompt.footer(number: 12, total: 17, width: width)
    #expect(LineFitter.columns(footer) < width)
    if width >= 60 {
      for key in ["n", "b", "r", "s", "e", "a", "o", "g", "q"] {
        #expect(footer.contains(" \(key) ") || footer.contains("/\(key) ") || footer.hasSuffix(" \(key)"), "\(key) missing in \(footer)")
      }
    }
  }
}
