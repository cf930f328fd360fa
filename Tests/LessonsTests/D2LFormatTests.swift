import Foundation
import Testing

@testable import LessonEngine

/// D2L's own chapter format, read as the book writes it: framework tabs, the slide marks,
/// figures with `:width:`, labels anywhere, references outside the file. The fixtures are
/// written for these tests in the book's format; no text of the book is used.
@Suite struct D2LFormatTests {
  private let file = "chapter_x/fixture.md"

  private func parse(_ markdown: String, tab: FrameworkTab = .pytorch) throws -> LessonDocument {
    try LessonParser.parse(text: markdown, file: file, options: LessonParseOptions(tab: tab, strict: false))
  }

  private func text(_ document: LessonDocument) -> String {
    let blocks = document.blocks.flatMap { block -> [MarkdownBlock] in
      if case .prose(let blocks) = block { return blocks }
      return []
    }
    return TerminalRenderer(width: 200, color: false).render(blocks)
  }

  private func codes(_ document: LessonDocument) -> [String] {
    document.blocks.flatMap { block -> [String] in
      guard case .prose(let blocks) = block else { return [] }
      return blocks.compactMap { if case .codeBlock(_, let code, _) = $0 { code } else { nil } }
    }
  }

  // MARK: - Framework tabs

  static let tabbedChapter = """
    # Stacking cells

    ```{.python .input}
    from toolkit import mx_layers
    ```

    ```{.python .input  n=2}
    #@tab pytorch
    import torch_like
    ```

    ```{.python .input}
    #@tab tensorflow
    import tf_like
    ```

    ```{.python .input}
    %%tab mxnet, pytorch
    def stack(cells):  #@save
        return cells
    ```

    ```{.python .input}
    #@tab all
    #@save
    depth = 2
    ```

    ```{.python .input}
    # %%tab jax
    import jax_like
    ```

    """

  @Test func pytorchIsShownByDefaultWithoutTheNotebookMarks() throws {
    let code = codes(try parse(Self.tabbedChapter))
    #expect(code == ["import torch_like", "def stack(cells):\n    return cells", "depth = 2"])
  }

  @Test(arguments: [
    (FrameworkTab.mxnet, ["from toolkit import mx_layers", "def stack(cells):\n    return cells", "depth = 2"]),
    (.tensorflow, ["import tf_like", "depth = 2"]),
    (.jax, ["depth = 2", "import jax_like"]),
  ])
  func eachTabShowsItsOwnCells(tab: FrameworkTab, expected: [String]) throws {
    #expect(codes(try parse(Self.tabbedChapter, tab: tab)) == expected)
  }

  @Test func allTabsShowEveryCell() throws {
    let code = codes(try parse(Self.tabbedChapter, tab: .all))
    #expect(code.count == 6)
    #expect(!code.joined().contains("#@"))
    #expect(!code.joined().contains("%%tab"))
  }

  @Test func cellsOfAChapterWithoutTabsAreAllShown() throws {
    let chapter = "# One framework\n\n```{.python .input}\nfrom toolkit import torch_like\n```\n"
    #expect(codes(try parse(chapter, tab: .tensorflow)) == ["from toolkit import torch_like"])
  }

  /// d2l-book gives untagged cells the first tab of the book's `config.ini` (d2l-en: pytorch).
  @Test func untaggedCellsBelongToTheBooksFirstTab() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("d2l-book-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let chapter = root.appendingPathComponent("chapter_tuning")
    try FileManager.default.createDirectory(at: chapter, withIntermediateDirectories: true)
    try "[build]\ntabs = pytorch, mxnet, jax\n".write(
      to: root.appendingPathComponent("config.ini"), atomically: true, encoding: .utf8)
    let path = chapter.appendingPathComponent("tune.md")
    try "# Tuning\n\n```{.python .input}\n%%tab mxnet\nmx_only()\n```\n\n```{.python .input}\nsearch()\n```\n"
      .write(to: path, atomically: true, encoding: .utf8)
    #expect(codes(try LessonParser.load(path: path.path, options: .lenient)) == ["search()"])
    let mxnet = LessonParseOptions(tab: .mxnet, strict: false)
    #expect(codes(try LessonParser.load(path: path.path, options: mxnet)) == ["mx_only()"])
  }

  @Test func proseTabsShowTheChosenFrameworkOnly() throws {
    let chapter = """
      # Notes

      Shared words.

      :begin_tab:`mxnet`
      Words for mxnet.
      :end_tab:

      :begin_tab:`pytorch, tensorflow`
      Words for pytorch.

      - and a list
      :end_tab:

      After.
      """
    let pytorch = text(try parse(chapter))
    #expect(pytorch.contains("Words for pytorch."))
    #expect(pytorch.contains("• and a list"))
    #expect(!pytorch.contains("mxnet"))
    #expect(!pytorch.contains("tab:"))
    let mxnet = text(try parse(chapter, tab: .mxnet))
    #expect(mxnet.contains("Words for mxnet.") && !mxnet.contains("Words for pytorch."))
    let all = text(try parse(chapter, tab: .all))
    #expect(all.contains("Words for mxnet.") && all.contains("Words for pytorch."))
  }

  @Test func hiddenTabsKeepLineNumbers() throws {
    let chapter = ":begin_tab:`mxnet`\nHidden.\n:end_tab:\n\nSee $\\nope$.\n"
    let document = try parse(chapter)
    #expect(document.warnings.map(\.line) == [5])
  }

  // MARK: - The book's marks

  @Test func slideMarksShowTheirWordsPlainly() throws {
    let rendered = text(
      try parse("# T\n\nWe [**stack layers**] and (**pick `num_layers`**) here (~~not in slides~~).\n"))
    #expect(rendered.contains("We stack layers and pick `num_layers` here not in slides."))
  }

  @Test func figureWithWidthAndLabelShowsCaptionAndPath() throws {
    let chapter = """
      # T

      As :numref:`fig_stack` shows.

      ![Two layers stacked.](../img/stack.svg)
      :width:`400px`
      :label:`fig_stack`
      """
    let document = try parse(chapter)
    let rendered = text(document)
    #expect(rendered.contains("As Fig. 1 shows."))
    #expect(rendered.contains("[figure 1: Two layers stacked.] (../img/stack.svg)"))
    #expect(!rendered.contains("width") && !rendered.contains("400px"))
    #expect(document.warnings.isEmpty)
  }

  @Test func aReferenceAsALinkTargetFollowsItsWords() throws {
    let rendered = text(try parse("# T\n\n## Sub\n:label:`sec_sub`\n\n[**Words**](:numref:`sec_sub`) and [a link](https://d2l.ai).\n"))
    #expect(rendered.contains("Words (Section 1.1) and a link (https://d2l.ai)."))
  }

  @Test func citationsShowTheirKey() throws {
    let rendered = text(try parse("# T\n\nIntroduced by :cite:`Doe.Roe.1997` and :citet:`Poe.2001`.\n"))
    #expect(rendered.contains("Introduced by [Doe.Roe.1997] and [Poe.2001]."))
    #expect(!rendered.contains(":cite"))
  }

  @Test func labelAfterAParagraphNamesItsSection() throws {
    let chapter = "# A\n\n## B\n\nSome words.\n:label:`sec_b`\n\nSee :numref:`sec_b`.\n"
    let document = try parse(chapter)
    #expect(text(document).contains("See Section 1.1."))
    #expect(document.warnings.map(\.kind) == [.strayLabel])
    #expect(!document.warnings[0].concernsReader)
    #expect(throws: LessonError(file: file, line: 6, reason: "label 'sec_b' does not follow a heading, figure, table or equation")) {
      try LessonParser.parse(text: chapter, file: file)
    }
  }

  // MARK: - References outside the file

  static let referringChapter = """
    # Deep cells

    As in :numref:`sec_gated_unit`, and again in :numref:`sec_gated_unit`.
    See :numref:`fig_cell_flow` and :eqref:`eq_cell_update`.
    """

  @Test func referencesOutsideTheFileReadAsTheirLabel() throws {
    let document = try parse(Self.referringChapter)
    #expect(
      text(document).contains("As in § gated unit, and again in § gated unit. See Fig. cell flow and (cell update)."))
    #expect(document.warnings.map(\.kind) == [.unknownReference, .unknownReference, .unknownReference, .unknownReference])
    #expect(document.warnings.map(\.line) == [3, 3, 4, 4])
    let listed = LessonWarning.distinct(document.warnings)
    #expect(listed.map(\.subject) == ["sec_gated_unit", "fig_cell_flow", "eq_cell_update"])
    #expect(listed[0].description == "\(file):3: reference 'sec_gated_unit' is outside this file, shown as “§ gated unit”")
  }

  @Test func strictParsingRefusesAReferenceOutsideTheFile() {
    #expect(throws: LessonError(file: file, line: 3, reason: "unknown reference 'sec_gated_unit'")) {
      try LessonParser.parse(text: Self.referringChapter, file: file, options: .strict)
    }
  }

  @Test func referencesTakeTheirTitleFromTheBookAround() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("d2l-book-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let gated = root.appendingPathComponent("chapter_gated")
    let deep = root.appendingPathComponent("chapter_deep")
    for folder in [gated, deep] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    try "# The Gated Unit\n:label:`sec_gated_unit`\n\n![How a cell flows.](../img/flow.svg)\n:label:`fig_cell_flow`\n"
      .write(to: gated.appendingPathComponent("gated.md"), atomically: true, encoding: .utf8)
    try "# Die Zelle\n:label:`sec_gated_unit`\n"
      .write(to: gated.appendingPathComponent("gated_origin.md"), atomically: true, encoding: .utf8)
    let path = deep.appendingPathComponent("deep.md")
    try Self.referringChapter.write(to: path, atomically: true, encoding: .utf8)
    let document = try LessonParser.load(path: path.path, options: .lenient)
    #expect(text(document).contains("As in § The Gated Unit, and again in § The Gated Unit. See Fig. “How a cell flows.” and (cell update)."))
  }

  // MARK: - LaTeX

  @Test func latexBeyondTheRendererIsShownAsMarkedSourceAndListed() throws {
    let document = try parse("# T\n\nThe map $x \\mapsfrom y$ and\n\n$$\\begin{tikzcd}a\\end{tikzcd}$$\n")
    let rendered = text(document)
    #expect(rendered.contains("⟦LaTeX: x \\mapsfrom y⟧"))
    #expect(rendered.contains("⟦LaTeX: \\begin{tikzcd}a\\end{tikzcd}⟧"))
    #expect(document.warnings.map(\.kind) == [.unrenderedMath, .unrenderedMath])
    #expect(document.warnings.map(\.message) == ["unknown LaTeX command \\mapsfrom", "unknown LaTeX environment 'tikzcd'"])
  }

  @Test func textInDisplayMathMayHoldMath() throws {
    let rendered = text(try parse("# T\n\n$$\n\\mathbf{A}^n = \\overbrace{\\mathbf{A}\\cdots\\mathbf{A}}^{\\text{$n$ times}}\n$$\n"))
    #expect(rendered.contains("𝐀ⁿ = 𝐀⋯𝐀⏞(n times)"))
  }

  /// Malformed LaTeX, built from the pieces D2L's formulas are made of, never crashes or
  /// hangs the renderer: it renders or throws a `MathError`, and a lenient parse always opens.
  @Test func malformedLatexNeverCrashes() throws {
    let pieces = [
      "\\frac", "\\underbrace", "\\stackrel", "\\overset", "\\underset", "\\not", "\\choose", "\\binom",
      "\\left(", "\\right)", "\\left.", "\\sum", "\\prod", "_", "^", "{", "}", "{", "}", "&", "\\\\",
      "\\begin{aligned}", "\\end{aligned}", "\\text{", "$", "x", "\\mathbf{H}", "\\mid", "\\top",
      "\\operatorname{", "\\sqrt[", "]", "\\overleftarrow", "=", "\\", "\\foo", " ", "%", "\n",
    ]
    var generator = FuzzRandom(seed: 22)
    let start = Date()
    for _ in 0..<3_000 {
      let count = generator.int(12) + 1
      let latex = (0..<count).map { _ in pieces[generator.int(pieces.count)] }.joined()
      do {
        _ = try MathRenderer.render(latex)
      } catch is MathError {
      }
      let document = try parse("Formula $" + latex.replacingOccurrences(of: "$", with: "") + "$ here.\n")
      #expect(document.blocks.count == 1)
    }
    #expect(Date().timeIntervalSince(start) < 30)
  }
}
