import LessonEngine
import Foundation

/// An experiment's report as terminal lines: its tables, its charts drawn with characters,
/// generated samples side by side, and what the numbers say.
public enum ExperimentPresentation {
  /// A report in pieces: text lines, and curves kept as chart data so that a page can draw them.
  public enum Piece {
    case lines([String])
    case chart(StepChart)
  }

  /// The report as terminal lines (for `lessons experiment`).
  public static func lines(_ report: ExperimentReport, width: Int) -> [String] {
    pieces(report, width: width).flatMap { piece -> [String] in
      switch piece {
      case .lines(let lines): return lines
      case .chart(let chart):
        return TextChart.lines(
          series: chart.series.map { ($0.name, $0.values) }, height: chart.height, width: max(20, min(width - 12, 72)))
      }
    }
  }

  /// The report printed by a step: the same lines, the curves as `StepOutput.chart`.
  public static func show(_ report: ExperimentReport, _ out: StepOutput) {
    for piece in pieces(report, width: out.width) {
      switch piece {
      case .lines(let lines): for line in lines { out.say(line) }
      case .chart(let chart): out.chart(chart)
      }
    }
  }

  public static func pieces(_ report: ExperimentReport, width: Int) -> [Piece] {
    let heading = report.name == nil
      ? tr("experiment.heading", ["exercise": report.exercise, "title": report.title]) : report.title
    var out = ["", heading, ""]
    var pieces: [Piece] = []
    out += report.table.lines(width: width)
    for extra in report.extraTables {
      out += [""] + LineFitter.paragraph(extra.title, width: width, first: "  ", rest: "  ") + extra.table.lines(width: width)
    }
    for chart in report.charts {
      out += ["", "  " + chart.title]
      switch chart.kind {
      case .curves:
        pieces.append(.lines(out))
        out = []
        pieces.append(.chart(StepChart(series: chart.series.map { .init(name: $0.name, values: $0.y) }, height: 12)))
      case .bars:
        out += bars(chart, width: width)
      }
    }
    if !report.samples.isEmpty {
      out += ["", "  " + tr("experiment.samples")]
      out += samples(report.samples, width: width)
    }
    if !report.notes.isEmpty {
      out.append("")
      for note in report.notes { out += wrap(note, width: width - 4).enumerated().map { ($0.offset == 0 ? "  • " : "    ") + $0.element } }
    }
    pieces.append(.lines(out))
    return pieces
  }

  /// Horizontal bars, one per point: `label  ████████  6.21`, scaled to the largest value.
  public static func bars(_ chart: ExperimentReport.Chart, width: Int) -> [String] {
    let labelWidth = chart.series.flatMap(\.labels).map(\.count).max() ?? 0
    let barWidth = max(10, min(width - labelWidth - 24, 50))
    let top = chart.series.flatMap(\.y).filter(\.isFinite).max() ?? 1
    var out: [String] = []
    for s in chart.series {
      if chart.series.count > 1 { out.append("   \(s.name):") }
      for (k, y) in s.y.enumerated() {
        let label = k < s.labels.count ? s.labels[k] : String(format: "%g", s.x[k])
        let n = y.isFinite ? max(1, Int((y / top * Double(barWidth)).rounded())) : 0
        let padded = label + String(repeating: " ", count: max(0, labelWidth - label.count))
        out.append("    \(padded)  \(String(repeating: "█", count: n))\(String(repeating: " ", count: barWidth - n))  \(Num.fixed(y, 3))")
      }
    }
    return out
  }

  /// Samples grouped by prefix, one column per setting when the terminal is wide enough.
  public static func samples(_ samples: [ExperimentReport.Sample], width: Int) -> [String] {
    var prefixes: [String] = [], settings: [String] = []
    for s in samples {
      if !prefixes.contains(s.prefix) { prefixes.append(s.prefix) }
      if !settings.contains(s.setting) { settings.append(s.setting) }
    }
    let gutter = 3
    let column = (width - 4 - gutter * (settings.count - 1)) / max(settings.count, 1)
    var out: [String] = []
    for prefix in prefixes {
      out.append("   \"\(prefix)\"")
      let texts = settings.map { setting in samples.first { $0.prefix == prefix && $0.setting == setting }?.text ?? "" }
      if column >= 24 {
        let wrapped = zip(settings, texts).map { [$0 + ":"] + wrap($1, width: column) }
        for row in 0..<(wrapped.map(\.count).max() ?? 0) {
          let cells = wrapped.map { row < $0.count ? $0[row] : "" }
          let line = cells.enumerated().map { k, cell in
            k == cells.count - 1 ? cell : cell + String(repeating: " ", count: column - cell.count + gutter)
          }.joined()
          out.append("    " + line)
        }
      } else {
        // Too narrow for columns: one block per setting, under a hanging label.
        let label = (settings.map(\.count).max() ?? 0) + 2
        for (setting, text) in zip(settings, texts) {
          for (k, line) in wrap(text, width: max(20, width - 4 - label)).enumerated() {
            let head = k == 0 ? setting + String(repeating: " ", count: label - setting.count) : String(repeating: " ", count: label)
            out.append("    " + head + line)
          }
        }
      }
    }
    return out
  }

  /// Greedy word wrap of plain text. A word longer than a line (a generated run of letters)
  /// is cut, its first piece filling the current line.
  public static func wrap(_ text: String, width: Int) -> [String] {
    let width = max(width, 8)
    var lines: [String] = [], line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if word.count > width {
        var rest = word[...]
        if !line.isEmpty { line += " " }
        while !rest.isEmpty {
          if line.count >= width { lines.append(line); line = "" }
          let room = width - line.count
          line += rest.prefix(room)
          rest = rest.dropFirst(room)
        }
      } else if line.isEmpty {
        line = String(word)
      } else if line.count + 1 + word.count <= width {
        line += " " + word
      } else {
        lines.append(line)
        line = String(word)
      }
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }
}
