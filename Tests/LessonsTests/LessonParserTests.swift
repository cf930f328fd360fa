import Foundation
import Testing

@testable import CourseKit
@testable import LessonEngine
@testable import Lessons

/// The lesson parser: steps and their attributes, D2L roles, math, and every diagnostic's
/// exact `FILE:LINE: reason` text.
@Suite struct LessonParserTests {
  private let file = "lessons/deep-rnn.md"

  private func parse(_ markdown: String) throws -> LessonDocument {
    try LessonParser.parse(text: markdown, file: file)
  }

  /// Expects parsing `markdown` to fail with exactly `message`.
  private func expectError(
    _ markdown: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    do {
      _ = try parse(markdown)
      Issue.record("expected the error '\(message)'", sourceLocation: sourceLocation)
    } catch {
      #expect("\(error)" == message, sourceLocation: sourceLocation)
    }
  }

  private func prose(_ document: LessonDocument) -> [MarkdownBlock] {
    document.blocks.flatMap { block -> [MarkdownBlock] in
      if case .prose(let blocks) = block { return blocks }
      return []
    }
  }

  private func text(_ markdown: String) throws -> String {
    TerminalRenderer(width: 80, color: false).render(prose(try parse(markdown)))
  }

  // MARK: - Steps

  @Test func stepsAndProseInOrder() throws {
    let document = try parse(
      """
      # Deep RNNs

      Some prose.

      ```swift step=stack-layers layers=2 hidden=4
      let model = stack(layers: 2)
      print(model)
      ```

      More prose.

      ```step train epochs=20 lr=2
      ```
      """)
    #expect(document.blocks.count == 4)
    guard case .prose(let first) = document.blocks[0], case .step(let stack) = document.blocks[1],
      case .prose = document.blocks[2], case .step(let train) = document.blocks[3]
    else {
      Issue.record("unexpected block order: \(document.blocks)")
      return
    }
    #expect(first.count == 2)
    #expect(stack.id == "stack-layers")
    #expect(stack.language == "swift")
    #expect(stack.showsCode)
    #expect(stack.parameters.map(\.name) == ["layers", "hidden"])
    #expect(stack.parameters.map(\.value) == ["2", "4"])
    #expect(stack.parameter("hidden") == "4")
    #expect(stack.code == "let model = stack(layers: 2)\nprint(model)")
    #expect(stack.line == 5)
    #expect(train.id == "train")
    #expect(train.language == nil)
    #expect(!train.showsCode)
    #expect(train.code == "")
    #expect(train.parameter("epochs") == "20")
    #expect(train.line == 12)
    #expect(document.steps.map(\.id) == ["stack-layers", "train"])
    #expect(document.step(id: "train")?.line == 12)
  }

  @Test func ordinaryFencesStayCodeBlocks() throws {
    let document = try parse("```swift\nlet x = 1\n```\n\n```\nplain\n```\n")
    #expect(document.steps.isEmpty)
    #expect(
      prose(document) == [
        .codeBlock(language: "swift", code: "let x = 1", line: 1),
        .codeBlock(language: nil, code: "plain", line: 5),
      ])
  }

  @Test func stepAttributeOrderDoesNotMatter() throws {
    let document = try parse("```swift epochs=3 step=train\n```\n")
    #expect(document.steps.first?.id == "train")
    #expect(document.steps.first?.parameters.map(\.name) == ["epochs"])
  }

  // MARK: - Diagnostics

  @Test func stepWithoutID() {
    expectError("text\n\n```step\n```\n", "lessons/deep-rnn.md:3: step directive has no id")
    expectError("```step epochs=2\n```\n", "lessons/deep-rnn.md:1: step directive has no id")
    expectError("\n```swift step=\n```\n", "lessons/deep-rnn.md:2: step directive has no id")
    expectError("```swift step\n```\n", "lessons/deep-rnn.md:1: step directive has no id")
  }

  @Test func malformedAttribute() {
    expectError(
      "# T\n\n```step train epochs\n```\n",
      "lessons/deep-rnn.md:3: malformed attribute 'epochs' (expected name=value)")
    expectError(
      "```swift step=x =3\n```\n",
      "lessons/deep-rnn.md:1: malformed attribute '=3' (expected name=value)")
    expectError(
      "```swift step=x lr=\n```\n",
      "lessons/deep-rnn.md:1: malformed attribute 'lr=' (expected name=value)")
    expectError(
      "```step x lr=1 lr=2\n```\n", "lessons/deep-rnn.md:1: duplicate attribute 'lr'")
    expectError(
      "```step x/y\n```\n",
      "lessons/deep-rnn.md:1: invalid step id 'x/y' (use letters, digits, '-' and '_')")
  }

  /// A misspelt `step` would turn the step into an ordinary code block, silently dropped.
  @Test func aMisspeltStepIsNamed() {
    expectError("# T\n\n```stepp train\n```\n", "lessons/deep-rnn.md:3: 'stepp' is not a directive: did you mean 'step'?")
    expectError("```swift stpe=train\n```\n", "lessons/deep-rnn.md:1: 'stpe' is not a directive: did you mean 'step'?")
    expectError("```Step train\n```\n", "lessons/deep-rnn.md:1: 'Step' is not a directive: did you mean 'step'?")
    #expect(FenceDirective.nearlyStep("steps") && FenceDirective.nearlyStep("tsep") && FenceDirective.nearlyStep("sep"))
    #expect(!FenceDirective.nearlyStep("step") && !FenceDirective.nearlyStep("swift") && !FenceDirective.nearlyStep("stan"))
  }

  /// Code written inside a step's fence would be shown but never run (the step runs its own).
  @Test func codeInAStepsFenceIsRefused() throws {
    let document = try parse("# T\n\n```swift step=tiny-stack\nlet x = 1\n```\n")
    let source = StepCodeSource(root: URL(fileURLWithPath: "/nonexistent"), stepsFolder: "Sources/DeepRNNLesson/Steps")
    #expect(throws: LessonError(
      file: file, line: 4,
      reason: "step 'tiny-stack': a step's fence holds no code of its own (it runs its '// ANCHOR: tiny-stack' region in Sources/DeepRNNLesson/Steps): leave it empty, or write {{#include PATH:ANCHOR}}; `lessons edit tiny-stack` changes the code"
    )) { try source.filling(document) }
  }

  @Test func duplicateStepID() {
    let markdown =
      (1...29).map { _ in "\n" }.joined()
      + "```step train\n```\n\nprose\n\n```swift step=train\nlet a = 1\n```\n"
    expectError(markdown, "lessons/deep-rnn.md:35: duplicate step id 'train' (first at line 30)")
  }

  @Test func unterminatedFence() {
    expectError(
      "# T\n\n```swift step=x\nlet a = 1\n",
      "lessons/deep-rnn.md:3: code fence is never closed (expected a line '```')")
    expectError(
      "text\n\n~~~~\ncode\n~~~\n",
      "lessons/deep-rnn.md:3: code fence is never closed (expected a line '~~~~')")
    expectError(
      "```step x\n", "lessons/deep-rnn.md:1: code fence is never closed (expected a line '```')")
    expectError(
      "> ```\n> code\n\nafter\n",
      "lessons/deep-rnn.md:1: code fence is never closed (expected a line '```')")
  }

  @Test func closedFencesAtEndOfFileAreFine() throws {
    #expect(try parse("```step x\n```").steps.count == 1)
    #expect(try parse("- item\n\n  ```\n  code\n  ```\n").steps.isEmpty)
  }

  @Test func invalidUTF8() {
    let bytes: [UInt8] = Array("# Title\n\nabc ".utf8) + [0xFF] + Array(" def\n".utf8)
    #expect(
      throws: LessonError(file: file, line: 3, reason: "invalid UTF-8 (byte 0xFF at column 5)")
    ) {
      try LessonParser.parse(bytes: bytes, file: file)
    }
    let truncated: [UInt8] = Array("ok\n".utf8) + [0xE2, 0x82]
    #expect(
      throws: LessonError(file: file, line: 2, reason: "invalid UTF-8 (byte 0xE2 at column 1)")
    ) {
      try LessonParser.parse(bytes: truncated, file: file)
    }
    #expect(throws: Never.self) { try LessonParser.parse(bytes: Array("é ∈ ℝ\n".utf8), file: file) }
  }

  @Test func unknownLaTeXCommand() {
    expectError(
      "# T\n\nWe have $x + \\foo$ here.\n", "lessons/deep-rnn.md:3: unknown LaTeX command \\foo")
    expectError(
      "intro\n\n```math\na = b\n\\bar{x} + \\nope\n```\n",
      "lessons/deep-rnn.md:5: unknown LaTeX command \\nope")
    expectError(
      "$$\n\\mathbf{H}\n\\oops\n$$\n", "lessons/deep-rnn.md:3: unknown LaTeX command \\oops")
  }

  @Test func stepInsideAListIsRejected() {
    expectError(
      "- item\n\n  ```step x\n  ```\n",
      "lessons/deep-rnn.md:3: step 'x' must be at the top level of the lesson, not inside a list or quote"
    )
  }

  @Test func unknownMathAttribute() {
    expectError(
      "```math name=x\na\n```\n",
      "lessons/deep-rnn.md:1: unknown math attribute 'name' (expected label=NAME)")
  }

  // MARK: - Roles

  @Test func unknownReference() {
    expectError(
      "# T\n\nSee :numref:`sec_nope`.\n", "lessons/deep-rnn.md:3: unknown reference 'sec_nope'")
    expectError(
      "# T\n:label:`sec_t`\n\nline one\nline two :eqref:`sec_t`\n",
      "lessons/deep-rnn.md:5: eqref 'sec_t' does not name an equation")
  }

  @Test func badLabels() {
    expectError(
      "Some text :label:`x`\n",
      "lessons/deep-rnn.md:1: label 'x' does not follow a heading, figure, table or equation")
    expectError(
      "# A\n:label:`x`\n\n## B\n:label:`x`\n",
      "lessons/deep-rnn.md:5: duplicate label 'x' (first at line 2)")
    expectError(
      "# A\n:eqlabel:`x`\n", "lessons/deep-rnn.md:2: equation label 'x' does not follow an equation"
    )
  }

  @Test func referencesResolveForwardAndBackward() throws {
    let rendered = try text(
      """
      # Deep RNNs
      :label:`chap_deep`

      As :numref:`sec_impl` and :numref:`fig_deep` show, see also :eqref:`eq_h`.

      ## Implementation
      :label:`sec_impl`

      ![A deep RNN.](../img/deep-rnn.svg)
      :label:`fig_deep`

      $$\\mathbf{H}_t = \\phi(\\mathbf{X}_t),$$
      :eqlabel:`eq_h`

      ```math label=eq_o
      \\mathbf{O}_t = \\mathbf{H}_t
      ```

      Back to :numref:`chap_deep`, :eqref:`eq_o` and :numref:`tab_x` :cite:`Graves.2013`.

      | a | b |
      |---|---|
      :label:`tab_x`
      """)
    #expect(rendered.contains("As Section 1.1 and Fig. 1 show, see also (1)."))
    #expect(rendered.contains("[figure 1: A deep RNN.]"))
    #expect(rendered.contains("    𝐇ₜ = φ(𝐗ₜ),"))
    #expect(rendered.contains("(1)\n"))
    #expect(rendered.contains("    𝐎ₜ = 𝐇ₜ"))
    #expect(rendered.contains("(2)\n"))
    #expect(rendered.contains("Back to Section 1, (2) and Table 1 [Graves.2013]."))
    #expect(rendered.contains("| a | b |\n|---|---|\n"))
    #expect(!rendered.contains(":label:"))
    #expect(!rendered.contains(":eqlabel:"))
    #expect(!rendered.contains("numref"))
    #expect(!rendered.contains("eq_h"))
  }

  @Test func equationsAreNumberedInOrderOfAppearance() throws {
    let document = try parse(
      "$$a$$\n:eqlabel:`first`\n\n$$b$$\n\n```math\nc\n```\n:label:`third`\n")
    let numbers = prose(document).compactMap { block -> Int?? in
      if case .equation(let equation) = block { return .some(equation.number) }
      return nil
    }
    #expect(numbers == [1, nil, 2])
  }

  // MARK: - Math in prose

  @Test func mathIsProtectedFromEmphasis() throws {
    #expect(
      try text("Here $H_t^{(l)}$ and $W_{xh}$ and *real* emphasis.\n")
        == "Here Hₜ⁽ˡ⁾ and Wₓₕ and real emphasis.\n")
  }

  @Test func dollarsInCodeAndPricesAreLeftAlone() throws {
    #expect(
      try text("Code `$x_1$` and a price of $5 and $6.\n")
        == "Code `$x_1$` and a price of $5 and $6.\n")
    #expect(try text("Escaped \\$x\\$ stays.\n") == "Escaped $x$ stays.\n")
    let document = try parse("```\nlet s = \"$a_b$\"\n```\n")
    #expect(prose(document) == [.codeBlock(language: nil, code: "let s = \"$a_b$\"", line: 1)])
  }

  @Test func multiLineDisplayMathKeepsLineNumbers() {
    expectError(
      "$$\n\\mathbf{H}\n= 1\n$$\n\nSee :numref:`nowhere`.\n",
      "lessons/deep-rnn.md:6: unknown reference 'nowhere'")
  }

  @Test func displayMathSplitsItsParagraph() throws {
    let document = try parse("Before $$x^2$$ after.\n")
    #expect(prose(document).count == 3)
    guard case .equation(let equation) = prose(document)[1] else {
      Issue.record("no equation in \(prose(document))")
      return
    }
    #expect(equation.lines == ["x²"])
  }

  @Test func windowsLineEndings() throws {
    let document = try parse("# T\r\n\r\n```step a\r\n```\r\n\r\n```step b\r\n```\r\n")
    #expect(document.steps.map(\.line) == [3, 6])
  }

  @Test func sectionNumbersAreHierarchical() throws {
    let headings = prose(try parse("# A\n\n## B\n\n### C\n\n## D\n\n# E\n")).compactMap {
      block -> String? in
      if case .heading(_, let number, _, _) = block { return number }
      return nil
    }
    #expect(headings == ["1", "1.1", "1.1.1", "1.2", "2"])
  }

  @Test func htmlCommentsAreDropped() throws {
    #expect(try text("<!-- note for authors -->\n\nText.\n") == "Text.\n")
  }
}
