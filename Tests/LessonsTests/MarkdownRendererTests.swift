import Foundation
import Testing

@testable import CourseKit
@testable import LessonEngine
@testable import Lessons

/// Terminal rendering: snapshots of a sample lesson with and without colour, wrapping, and
/// each Markdown construct.
@Suite struct MarkdownRendererTests {
  private static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Snapshots")

  private func render(_ markdown: String, width: Int = 60, color: Bool = false) throws -> String {
    let document = try LessonParser.parse(text: markdown, file: "test.md")
    return TerminalRenderer(width: width, color: color).render(document)
  }

  /// Compares `actual` with the snapshot file; `UPDATE_SNAPSHOTS=1` rewrites it instead.
  private func expectSnapshot(
    _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let url = Self.snapshots.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1" {
      try actual.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record(
        "missing snapshot \(name); run with UPDATE_SNAPSHOTS=1 and review it",
        sourceLocation: sourceLocation)
      return
    }
    #expect(actual == expected, "snapshot \(name) differs", sourceLocation: sourceLocation)
  }

  private func sample() throws -> String {
    try String(
      contentsOf: Self.snapshots.appendingPathComponent("lesson-sample.md"), encoding: .utf8)
  }

  /// `text` with ANSI escape sequences removed.
  private func stripped(_ text: String) -> String {
    text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
  }

  // MARK: - Snapshots

  @Test func sampleWithoutColor() throws {
    let output = try render(try sample(), width: 60, color: false)
    try expectSnapshot(output, named: "lesson-sample.expected.txt")
    #expect(!output.utf8.contains(0x1B), "no-colour output must not contain ESC")
  }

  @Test func sampleWithColor() throws {
    let output = try render(try sample(), width: 60, color: true)
    try expectSnapshot(output, named: "lesson-sample.expected-color.txt")
    #expect(output.utf8.contains(0x1B))
    #expect(stripped(output).contains("𝐇ₜ⁽ˡ⁾ ∈ ℝⁿˣʰ"))
  }

  @Test func sampleLinesFitTheWidth() throws {
    for color in [false, true] {
      for width in [40, 60, 80] {
        let output = try render(try sample(), width: width, color: color)
        // Code blocks, the wide display equation and single over-long words (a URL) are
        // not wrapped; everything else is.
        let overlong = stripped(output).split(separator: "\n").filter {
          DisplayWidth.of($0) > width && !$0.hasPrefix("    ") && $0.contains(" ")
        }
        #expect(overlong.isEmpty, "width \(width), colour \(color): \(overlong)")
      }
    }
  }

  // MARK: - Wrapping

  @Test func paragraphsWrapAtWordBoundaries() throws {
    let output = try render("one two three four five six seven eight nine ten\n", width: 20)
    #expect(output == "one two three four\nfive six seven eight\nnine ten\n")
  }

  @Test func wrappingCountsDisplayColumns() throws {
    // Each CJK character takes two columns: 8 of them fill 16 of 20 columns.
    let output = try render("深度循环神经网络 深度循环神经网络 abc\n", width: 20)
    #expect(output == "深度循环神经网络\n深度循环神经网络 abc\n")
    #expect(DisplayWidth.of("ŷ") == 1)
    #expect(DisplayWidth.of("🎉") == 2)
    #expect(DisplayWidth.of("𝐇ₜ⁽ˡ⁾") == 5)
  }

  @Test func punctuationStaysWithStyledWords() throws {
    let output = try render("aaaa bbbb *cccc*. dddd\n", width: 20, color: false)
    #expect(output == "aaaa bbbb cccc. dddd\n")
    let narrow = try render("aaaa bbbb cccc *ddddd*.\n", width: 20)
    #expect(narrow == "aaaa bbbb cccc\nddddd.\n")
  }

  @Test func inlineCodeAndMathAreNotBrokenInside() throws {
    let output = try render("aaaa bbbb cccc `let x = 1` $a + b + c + d$\n", width: 20)
    #expect(output == "aaaa bbbb cccc\n`let x = 1`\na + b + c + d\n")
  }

  @Test func overlongWordsOverflowRatherThanBreak() throws {
    let url = "https://example.com/a/very/long/path/that/does/not/fit"
    #expect(try render("see \(url) ok\n", width: 20) == "see\n\(url)\nok\n")
  }

  // MARK: - Constructs

  @Test func headingsWithoutColor() throws {
    #expect(
      try render("# Title\n\n## Part\n\n### Detail\n")
        == "1 Title\n=======\n\n1.1 Part\n--------\n\n### 1.1.1 Detail\n")
  }

  @Test func headingsWithColorAreBoldAndUnderlined() throws {
    let output = try render("# Title\n\n## Part\n", color: true)
    #expect(output == "\u{1B}[1;4m1 Title\u{1B}[0m\n\n\u{1B}[1m1.1 Part\u{1B}[0m\n")
  }

  @Test func emphasisStrongAndCode() throws {
    #expect(try render("*a* **b** `c`\n") == "a b `c`\n")
    #expect(
      try render("*a* **b** `c`\n", color: true)
        == "\u{1B}[3ma\u{1B}[0m \u{1B}[1mb\u{1B}[0m \u{1B}[33mc\u{1B}[0m\n")
  }

  @Test func orderedListsKeepTheirNumbersAligned() throws {
    #expect(try render("9. nine\n10. ten\n11. eleven\n") == " 9. nine\n10. ten\n11. eleven\n")
    #expect(try render("3) three\n4) four\n") == "3) three\n4) four\n")
  }

  @Test func nestedListsIndent() throws {
    let output = try render("- a\n  - b\n    - c\n- d\n")
    #expect(output == "• a\n  ◦ b\n    ▪ c\n• d\n")
  }

  @Test func listItemsWrapUnderTheirText() throws {
    let output = try render("- one two three four five six\n", width: 20)
    #expect(output == "• one two three four\n  five six\n")
  }

  @Test func looseListsHaveBlankLines() throws {
    #expect(try render("- a\n\n- b\n") == "• a\n\n• b\n")
  }

  @Test func blockQuotesHaveABar() throws {
    #expect(try render("> quoted\n>\n> more\n") == "│ quoted\n│\n│ more\n")
  }

  @Test func codeBlocksAreIndented() throws {
    #expect(try render("```\na\n\n\tb\n```\n") == "    a\n\n        b\n")
  }

  @Test func swiftIsHighlightedOnlyWithColor() throws {
    let plain = try render("```swift\nlet x = 1 // one\n```\n")
    #expect(plain == "    let x = 1 // one\n")
    let colored = try render("```swift\nlet s = \"hi\"\n```\n", color: true)
    #expect(colored == "    \u{1B}[35mlet\u{1B}[0m s = \u{1B}[32m\"hi\"\u{1B}[0m\n")
  }

  @Test func linksShowTheirAddress() throws {
    #expect(
      try render("[D2L](https://d2l.ai) and <https://d2l.ai>\n")
        == "D2L (https://d2l.ai) and https://d2l.ai\n")
  }

  @Test func imagesBecomeNumberedCaptionsWithTheirPath() throws {
    #expect(
      try render("![A cat.](cat.png)\n\n![](dog.png)\n")
        == "[figure 1: A cat.] (cat.png)\n\n[figure 2] (dog.png)\n")
  }

  @Test func thematicBreakSpansTheWidth() throws {
    #expect(
      try render("a\n\n---\n\nb\n", width: 20) == "a\n\n" + String(repeating: "─", count: 20)
        + "\n\nb\n")
  }

  @Test func equationNumbersAreRightAligned() throws {
    let output = try render("$$x = 1$$\n:eqlabel:`e`\n", width: 20)
    #expect(output == "    x = 1        (1)\n")
  }

  @Test func hardLineBreaks() throws {
    #expect(try render("one\\\ntwo\n") == "one\ntwo\n")
  }

  @Test func stepCodeIsShownAndCodelessStepsAreNot() throws {
    let output = try render("Text.\n\n```swift step=a\nlet a = 1\n```\n\n```step b\n```\n\nEnd.\n")
    #expect(output == "Text.\n\n    let a = 1\n\nEnd.\n")
  }

  @Test func largeDocumentsRender() throws {
    // Linear-time rendering: a few thousand paragraphs must not take noticeably long.
    let paragraph = "Some *emphasis*, `code`, $x_t^{(l)}$ and a [link](https://d2l.ai). "
    let markdown = (0..<2000).map { "## Part \($0)\n\n" + String(repeating: paragraph, count: 5) }
      .joined(separator: "\n\n")
    let output = try render(markdown, width: 80)
    #expect(output.split(separator: "\n").count > 10_000)
  }

  // MARK: - Colour decision

  @Test func colorOnlyWhenAsked() {
    #expect(TerminalStyle.shouldUseColor(isTTY: true, environment: [:], flag: nil))
    #expect(!TerminalStyle.shouldUseColor(isTTY: false, environment: [:], flag: nil))
    #expect(!TerminalStyle.shouldUseColor(isTTY: true, environment: ["NO_COLOR": "1"], flag: nil))
    #expect(TerminalStyle.shouldUseColor(isTTY: true, environment: ["NO_COLOR": ""], flag: nil))
    #expect(!TerminalStyle.shouldUseColor(isTTY: true, environment: ["TERM": "dumb"], flag: nil))
    #expect(!TerminalStyle.shouldUseColor(isTTY: true, environment: [:], flag: false))
    #expect(TerminalStyle.shouldUseColor(isTTY: false, environment: ["NO_COLOR": "1"], flag: true))
  }
}
