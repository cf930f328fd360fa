import Foundation

/// One step on the page: a header with its number, id, summary and state (ran, edited, cached,
/// skipped, not run) and time; its code (the learner's when edited); then what it printed in
/// the last run, each event drawn for the page: text as preformatted lines, LaTeX as MathML,
/// charts and heatmaps as inline SVG.
struct StepHTML {
  let number: Int
  let total: Int
  let step: StepDirective
  let summary: String
  let lesson: String
  /// The step as it last ran; nil when the last run did not reach it.
  let record: RunRecord.Step?

  var html: String {
    let state = record.map { "state.\($0.state.rawValue)" } ?? "state.notRun"
    var out = #"<section class="step \#(state.replacingOccurrences(of: ".", with: "-"))" id="step-\#(HTML.escape(step.id))">"# + "\n"
    out += ##"<header class="step-header"><a class="stepno" href="#step-\##(HTML.escape(step.id))">"##
    out += HTML.escape(ExportStrings.table("step", ["number": number, "total": total])) + "</a> "
    out += "<code>\(HTML.escape(step.id))</code> <span class=\"summary\">\(HTML.escape(summary))</span> "
    var badge = ExportStrings.table(state)
    if let record, record.state != .skipped {
      badge += " · " + ExportStrings.table("took", ["seconds": Self.seconds(record.seconds)])
    }
    out += #"<span class="badge">\#(HTML.escape(badge))</span></header>"# + "\n"
    if step.showsCode { out += HTML.code(record?.editedCode ?? step.code, language: step.language) }
    guard let record else {
      return out + #"<p class="not-run">"# + inlineCode(ExportStrings.table("notRun", ["lesson": lesson])) + "</p>\n</section>\n"
    }
    if let note = record.note {
      out += #"<p class="skip-note">"# + HTML.escape(ExportStrings.table("skipped.because", ["note": note])) + "</p>\n"
    }
    out += Self.events(record.events)
    return out + "</section>\n"
  }

  /// The events of a step, consecutive lines joined in one block.
  static func events(_ events: [StepEvent]) -> String {
    var out = "", lines: [String] = []
    func flush() {
      guard !lines.isEmpty else { return }
      // Leading and trailing blank lines are the terminal's spacing, not output.
      while lines.first?.allSatisfy(\.isWhitespace) == true { lines.removeFirst() }
      while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
      if !lines.isEmpty { out += #"<pre class="output">"# + HTML.escape(lines.joined(separator: "\n")) + "</pre>\n" }
      lines = []
    }
    for event in events {
      switch event {
      case .line(let text):
        lines.append(stripANSI(text))
        continue
      default:
        flush()
      }
      switch event {
      case .equation(let text):
        out += #"<div class="output-equation">"# + HTML.escape(stripANSI(text)) + "</div>\n"
      case .latex(let source):
        out += #"<div class="output-equation">"# + MathMLRenderer.render(source, display: true) + "</div>\n"
      case .chart(let chart):
        out += "<figure class=\"chart\">" + (chart.title.map { "<figcaption>\(HTML.escape($0))</figcaption>" } ?? "")
        out += SVGChart.svg(chart) + "</figure>\n"
      case .heatmap(let map):
        out += "<figure class=\"heatmap\">" + SVGHeatmap.svg(map) + "</figure>\n"
      case .line:
        break
      }
    }
    flush()
    return out
  }

  /// `0.42`, `12.3`, `54`: seconds with the digits that matter.
  static func seconds(_ value: Double) -> String {
    value < 1 ? String(format: "%.2f", value) : value < 10 ? String(format: "%.1f", value) : String(format: "%.0f", value)
  }

  /// Text whose `backquoted` parts are code.
  private func inlineCode(_ text: String) -> String {
    text.split(separator: "`", omittingEmptySubsequences: false).enumerated().map { index, part in
      index % 2 == 1 ? "<code>\(HTML.escape(String(part)))</code>" : HTML.escape(String(part))
    }.joined()
  }

  /// A line without terminal colour codes (a step may print with colour on).
  static func stripANSI(_ text: String) -> String {
    guard text.contains("\u{1B}") else { return text }
    let scalars = Array(text.unicodeScalars)
    var out = "", index = 0
    while index < scalars.count {
      if scalars[index] == "\u{1B}", index + 1 < scalars.count, scalars[index + 1] == "[" {
        index += 2
        while index < scalars.count, !(0x40...0x7E).contains(scalars[index].value) { index += 1 }
        index += 1
        continue
      }
      out.unicodeScalars.append(scalars[index])
      index += 1
    }
    return out
  }
}
