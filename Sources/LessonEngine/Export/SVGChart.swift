import Foundation

/// A `StepChart` as an inline SVG line chart: the same series, scale and markers as the
/// terminal's `TextChart`, drawn with lines instead of characters. Colours come from the page's
/// stylesheet (`.series-0` …), so the chart follows the light or dark theme.
enum SVGChart {
  static let width = 640.0, plotHeight = 240.0
  static let left = 64.0, right = 16.0, top = 12.0, bottom = 40.0

  static func svg(_ chart: StepChart) -> String {
    let series = chart.series.filter { $0.values.contains(where: \.isFinite) }
    let all = series.flatMap(\.values).filter(\.isFinite)
    guard let lo = all.min(), let hi = all.max() else {
      return #"<p class="chart-empty">\#(HTML.escape(tr("chart.noData")))</p>"#
    }
    let span = hi - lo > 1e-12 ? hi - lo : 1
    let longest = max(1, series.map(\.values.count).max() ?? 1)
    let height = top + plotHeight + bottom + (series.count > 1 ? 22 * Double(series.count) : 0)
    let plotRight = width - right
    func x(_ i: Int) -> Double {
      longest == 1 ? left : left + Double(i) / Double(longest - 1) * (plotRight - left)
    }
    func y(_ v: Double) -> Double { top + (hi - v) / span * plotHeight }

    var out = #"<svg class="chart" viewBox="0 0 \#(f(width)) \#(f(height))" role="img" xmlns="http://www.w3.org/2000/svg">"#
    let names = series.map(\.name).joined(separator: ", ")
    out += "<title>\(HTML.escape(chart.title ?? names))</title>"
    // Axes and the three labelled values of the terminal chart: top, middle, bottom.
    out += #"<path class="axis" d="M\#(f(left)) \#(f(top))V\#(f(top + plotHeight))H\#(f(plotRight))"/>"#
    for v in [hi, (hi + lo) / 2, lo] {
      out += #"<path class="grid" d="M\#(f(left)) \#(f(y(v)))H\#(f(plotRight))"/>"#
      out += #"<text class="tick" x="\#(f(left - 6))" y="\#(f(y(v) + 4))" text-anchor="end">\#(Num.fixed(v, 2))</text>"#
    }
    let axisY = top + plotHeight + 18
    out += #"<text class="tick" x="\#(f(left))" y="\#(f(axisY))">\#(HTML.escape(tr("chart.epoch"))) 1</text>"#
    if longest > 1 {
      out += #"<text class="tick" x="\#(f(plotRight))" y="\#(f(axisY))" text-anchor="end">\#(HTML.escape(tr("chart.epoch"))) \#(longest)</text>"#
    }
    for (k, s) in series.enumerated() {
      // A break in the line where a value is not finite (a diverged epoch).
      var d = "", pen = false
      for (i, v) in s.values.enumerated() {
        guard v.isFinite else { pen = false; continue }
        d += (pen ? "L" : "M") + f(x(i)) + " " + f(y(v))
        pen = true
      }
      out += #"<path class="line series-\#(k % 5)" d="\#(d)"><title>\#(HTML.escape(s.name))</title></path>"#
      if s.values.count == 1, let v = s.values.first {
        out += #"<circle class="dot series-\#(k % 5)" cx="\#(f(x(0)))" cy="\#(f(y(v)))" r="3"/>"#
      }
    }
    if series.count > 1 {
      for (k, s) in series.enumerated() {
        let ly = top + plotHeight + bottom + 22 * Double(k) + 8
        out += #"<path class="line series-\#(k % 5)" d="M\#(f(left)) \#(f(ly))h24"/>"#
        let marker = TextChart.markers[k % TextChart.markers.count]
        out += #"<text class="legend" x="\#(f(left + 32))" y="\#(f(ly + 4))">\#(marker) \#(HTML.escape(s.name))</text>"#
      }
    }
    return out + "</svg>"
  }

  /// A coordinate with at most one decimal: small files, exact enough at any zoom.
  static func f(_ v: Double) -> String {
    let rounded = (v * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}

/// A `StepHeatmap` as an inline SVG grid: a row per hidden unit, a column per character, each
/// cell in the terminal's colour for its value (`HeatmapText.tint`: blue below zero, red above).
enum SVGHeatmap {
  static let cell = 12.0

  static func svg(_ map: StepHeatmap) -> String {
    let text = Array(map.text)
    let columns = min(text.count, map.values.first?.count ?? 0)
    let labelWidth = 7.5 * Double("\(map.unitLabel) \(map.units.max() ?? 0)".count) + 8
    let width = labelWidth + cell * Double(columns) + 4
    let height = cell * 1.6 + cell * Double(map.units.count) + 4
    var out = #"<svg class="heatmap" viewBox="0 0 \#(SVGChart.f(width)) \#(SVGChart.f(height))" "#
    // Never narrower than 0.8 px per unit (the page scrolls it sideways on a phone), never
    // wider than 1.25.
    out += #"style="min-width:\#(SVGChart.f(width * 0.8))px;max-width:\#(SVGChart.f(width * 1.25))px" role="img" xmlns="http://www.w3.org/2000/svg">"#
    out += "<title>\(HTML.escape(map.text))</title>"
    for (t, character) in text.prefix(columns).enumerated() {
      let x = labelWidth + cell * (Double(t) + 0.5)
      out += #"<text class="heat-char" x="\#(SVGChart.f(x))" y="\#(SVGChart.f(cell))" text-anchor="middle">\#(HTML.escape(String(character)))</text>"#
    }
    for (row, unit) in map.units.enumerated() {
      let y = cell * 1.6 + cell * Double(row)
      out += #"<text class="tick" x="\#(SVGChart.f(labelWidth - 6))" y="\#(SVGChart.f(y + cell - 2))" text-anchor="end">\#(HTML.escape(map.unitLabel)) \#(unit)</text>"#
      for t in 0..<columns {
        let v = map.values[row][t]
        out += #"<rect x="\#(SVGChart.f(labelWidth + cell * Double(t)))" y="\#(SVGChart.f(y))" width="\#(SVGChart.f(cell))" height="\#(SVGChart.f(cell))" fill="\#(hex(HeatmapText.tint(v)))"><title>\#(String(format: "%+.3f", v))</title></rect>"#
      }
    }
    return out + "</svg>"
  }

  /// The RGB colour of an xterm 256-colour code (the 6×6×6 cube and the grey ramp), so the
  /// page shows the terminal's colours.
  static func hex(_ code: Int) -> String {
    let levels = [0, 95, 135, 175, 215, 255]
    let (r, g, b): (Int, Int, Int)
    if code >= 232 {
      let grey = 8 + 10 * (code - 232)
      (r, g, b) = (grey, grey, grey)
    } else if code >= 16 {
      let i = code - 16
      (r, g, b) = (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
    } else {
      (r, g, b) = (128, 128, 128)  // the 16 system colours differ per terminal; never used here
    }
    return String(format: "#%02x%02x%02x", r, g, b)
  }
}
