import Foundation
import Testing
@testable import LessonEngine

/// The pieces of `lessons export`: MathML from the project's math parser, the page's prose
/// through cmark, SVG drawn from the same chart data as the terminal, and the run record.
@Suite struct ExportTests {
  /// What a page must never show: LaTeX outside `<annotation>` (the source kept for copying).
  static func textOutsideAnnotations(_ html: String) -> String {
    var out = "", rest = html[...]
    while let open = rest.range(of: "<annotation") {
      out += rest[..<open.lowerBound]
      guard let close = rest.range(of: "</annotation>", range: open.upperBound..<rest.endIndex) else { return out }
      rest = rest[close.upperBound...]
    }
    return out + rest
  }

  @Test func mathMLHasScriptsOperatorsAndItsSource() {
    let latex = #"\mathbf{H}_t^{(l)} \in \mathbb{R}^{n \times h}"#
    let math = MathMLRenderer.render(latex, display: false)
    #expect(math.hasPrefix("<math><semantics>"))
    #expect(math.contains("<msubsup><mi>𝐇</mi><mrow><mi>t</mi></mrow><mrow><mo>(</mo><mi>l</mi><mo>)</mo></mrow></msubsup>"))
    #expect(math.contains("<mo>∈</mo>"))
    // The space's parentheses are the plain form's grouping, not the formula's: ℝ^{n×h}.
    #expect(math.contains("<msup><mi>ℝ</mi><mrow><mi>n</mi><mo>×</mo><mi>h</mi></mrow></msup>"))
    #expect(math.contains(#"<annotation encoding="application/x-tex">\mathbf{H}_t^{(l)} \in \mathbb{R}^{n \times h}</annotation>"#))
    #expect(!Self.textOutsideAnnotations(math).contains("\\"))
  }

  @Test func mathMLAlignsRowsAndNumbersAndFallsBackOnUnknownCommands() {
    let aligned = MathMLRenderer.render(#"a &= b + 1 \\ c &= \tanh(d)"#, display: true)
    #expect(aligned.hasPrefix(#"<math display="block">"#))
    #expect(aligned.contains(#"<mtable class="aligned" columnalign="right left""#))
    #expect(aligned.components(separatedBy: "<mtr>").count == 3)
    #expect(aligned.contains("<mn>1</mn>") && aligned.contains("<mi>tanh</mi>"))
    // A whole `aligned` environment keeps its atoms as cells; accents sit over their letter;
    // a script's letters are variables (`W_{xh}`: x and h).
    let gru = MathMLRenderer.render(#"\begin{aligned}\tilde{\mathbf{H}}_t &= \mathbf{W}_{xh} \\ b &= c\end{aligned}"#, display: true)
    #expect(gru.contains(#"<mtable class="aligned""#) && gru.components(separatedBy: "<mtr>").count == 3)
    #expect(gru.contains(#"<msub><mover accent="true"><mi>𝐇</mi><mo>~</mo></mover><mrow><mi>t</mi></mrow></msub>"#))
    #expect(gru.contains("<msub><mi>𝐖</mi><mrow><mi>x</mi><mi>h</mi></mrow></msub>"))
    // A command the parser does not know is shown as an error, not dropped and not a crash.
    let unknown = MathMLRenderer.render(#"\frobnicate{x} < y"#, display: false)
    #expect(unknown.contains("<merror><mtext>\\frobnicate{x} &lt; y</mtext></merror>"))
  }

  static let lesson = """
    # Stacks of layers
    :label:`sec_stack`

    Each state $\\mathbf{H}_t^{(l)}$ reads the layer below, as in :eqref:`eq_stack`.

    ```math label=eq_stack
    \\mathbf{H}_t^{(l)} = \\phi(\\mathbf{H}_t^{(l-1)} \\mathbf{W})
    ```

    ## Running it

    See :numref:`sec_stack` and the code:

    ```swift
    let x = Tensor(1) // one
    ```

    ```step demo size=2
    ```

    """

  @Test func proseIsCmarkHTMLWithMathRolesHeadingsAndSteps() throws {
    let document = try LessonParser.parse(text: Self.lesson, file: "stack.md")
    var seen: [String] = []
    let html = ProseHTML(document: document) { step in
      seen.append(step.id)
      return "<div class=\"placeholder\">\(step.id)</div>\n"
    }.render(Self.lesson)
    #expect(seen == ["demo"])
    #expect(html.contains(#"<div class="placeholder">demo</div>"#))
    #expect(html.contains(##"<h1 id="sec_stack"><span class="secno">1</span> Stacks of layers<a class="anchor" href="#sec_stack""##))
    #expect(html.contains(#"<h2 id="running-it"><span class="secno">1.1</span> Running it"#))
    #expect(html.contains(##"<a class="ref" href="#eq_stack">(1)</a>"##))
    #expect(html.contains(##"<a class="ref" href="#sec_stack">Section 1</a>"##))
    #expect(html.contains(#"<div class="equation" id="eq_stack"><math display="block">"#))
    #expect(html.contains(#"<span class="eqno">(1)</span>"#))
    #expect(html.contains(#"<span class="kw">let</span> x = <span class="ty">Tensor</span>(<span class="nu">1</span>) <span class="cm">// one</span>"#))
    let text = Self.textOutsideAnnotations(html)
    for raw in ["\\mathbf", "$", ":label:", ":eqref:", ":numref:", "```"] { #expect(!text.contains(raw), "page shows \(raw)") }
  }

  @Test func chartDrawsEverySeriesOnTheTerminalScale() {
    let chart = StepChart(series: [.init(name: "train", values: [8, 4, 2]), .init(name: "held-out", values: [9, 6, 5])])
    let svg = SVGChart.svg(chart)
    #expect(svg.hasPrefix("<svg class=\"chart\""))
    // The highest value (9) at the top of the plot (y 12), the lowest (2) at its bottom (y 252),
    // the rest in proportion: y = 12 + (9 - v) / 7 × 240; labelled top, middle, bottom as in the terminal.
    #expect(svg.contains(#"class="line series-0" d="M64 46.3L344 183.4L624 252""#))
    #expect(svg.contains(#"class="line series-1" d="M64 12L344 114.9L624 149.1""#))
    #expect(svg.contains(">9.00</text>") && svg.contains(">2.00</text>") && svg.contains(">5.50</text>"))
    #expect(svg.contains("● train") && svg.contains("▲ held-out"))
  }

  @Test func heatmapUsesTheTerminalsColours() {
    let map = StepHeatmap(text: "ab", units: [3], values: [[-1, 1]], unitLabel: "unit")
    let svg = SVGHeatmap.svg(map)
    #expect(svg.contains("fill=\"\(SVGHeatmap.hex(HeatmapText.tint(-1)))\""))
    #expect(SVGHeatmap.hex(HeatmapText.tint(-1)) == "#0000af" && SVGHeatmap.hex(HeatmapText.tint(1)) == "#af0000")
    #expect(svg.contains(">unit 3</text>") && svg.contains(">a</text>") && svg.contains(">b</text>"))
  }

  @Test func runRecordRoundTripsAndRefusesWhatItCannotRead() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-record-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = RunRecord.url(lesson: "demo", language: "vi", folder: folder)
    #expect(url.lastPathComponent == "demo.vi.run.json")
    #expect(try RunRecord.load(from: url) == nil)
    var record = RunRecord(lesson: "demo", language: "vi")
    record.record(.init(id: "a", state: .ran, seconds: 1.5, parameters: ["seed": "7"], events: [.line("x"), .latex("a^2")]))
    record.record(.init(id: "a", state: .edited, seconds: 2, parameters: [:], events: [.chart(StepChart(series: [.init(name: "p", values: [.nan, 2])]))]))
    try record.save(to: url)
    let loaded = try #require(try RunRecord.load(from: url))
    #expect(loaded.steps.count == 1 && loaded.step("a")?.state == .edited)
    guard case .chart(let chart)? = loaded.step("a")?.events.first else { Issue.record("chart lost"); return }
    #expect(chart.series[0].values[0].isNaN && chart.series[0].values[1] == 2)
    try Data("{\"format\": 1, \"lesson\"".utf8).write(to: url)
    #expect(throws: RunRecordError.self) { try RunRecord.load(from: url) }
  }
}
