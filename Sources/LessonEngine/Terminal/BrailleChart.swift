/// A line chart in braille dots: each character cell holds 2 × 4 dots, so a curve of a few
/// hundred epochs reads as a line, not a scatter. One line per series; in colour each series
/// has its own colour, without colour the series after the first are drawn with markers
/// (▲ ■ ◆) so that they stay apart. An optional level (D2L's published perplexity) is a
/// dotted rule across the chart.
public enum BrailleChart {
  public static let markers: [Character] = ["⣿", "▲", "■", "◆", "○"]
  static let colors = ["36", "33", "35", "32", "34"]

  /// A horizontal reference line: a name and its value.
  public struct Level {
    public var name: String
    public var value: Double
    public init(name: String, value: Double) {
      self.name = name
      self.value = value
    }
  }

  /// The chart's lines, none wider than `width` columns.
  /// - Parameters:
  ///   - span: how many points the x axis holds (a live chart spans the planned epochs, so the
  ///     curve grows to the right); the longest series when nil.
  public static func lines(
    series: [(name: String, values: [Double])], level: Level? = nil, height: Int, width: Int, span: Int? = nil,
    color: Bool = false
  ) -> [String] {
    let values = series.flatMap(\.values).filter(\.isFinite) + (level.map { [$0.value] } ?? [])
    guard var lo = values.min(), var hi = values.max(), height > 1 else { return ["  " + tr("chart.noData")] }
    if hi - lo < 1e-9 { (lo, hi) = (lo - 0.5, hi + 0.5) }
    let longest = max(series.map(\.values.count).max() ?? 1, 1)
    let points = max(span ?? longest, longest, 2)
    // A column per point, spread to at least 24 columns (a short run's few points would make
    // a chart narrower than its own axis labels).
    let columns = max(4, min(width - 11, max(points, 24)))
    let (dotsX, dotsY) = (columns * 2, height * 4)
    // owner[y][x]: the first series through each dot.
    var owner = Array(repeating: Array(repeating: -1, count: dotsX), count: dotsY)
    func dotY(_ v: Double) -> Int { dotsY - 1 - Int(((v - lo) / (hi - lo) * Double(dotsY - 1)).rounded()) }
    func dotX(_ i: Int) -> Int { Int((Double(i) / Double(points - 1) * Double(dotsX - 1)).rounded()) }
    for (k, s) in series.enumerated() {
      var previous: (x: Int, y: Int)?
      for (i, v) in s.values.enumerated() where v.isFinite {
        let point = (x: dotX(i), y: dotY(v))
        let from = previous ?? point
        // Every x between the two points, the y interpolated, and the rows between filled so
        // that a steep drop is a line too.
        // Points that share a dot column (more epochs than dots) join vertically.
        let steps = max(0, point.x - from.x)
        for step in 0...steps {
          let x = from.x + step
          let y0 = steps == 0 ? from.y : from.y + (point.y - from.y) * step / steps
          let y1 = steps == 0 ? point.y : from.y + (point.y - from.y) * min(step + 1, steps) / steps
          for y in min(y0, y1)...max(y0, y1) where owner[y][x] < 0 || owner[y][x] > k { owner[y][x] = k }
        }
        previous = point
      }
    }
    let levelRow = level.map { dotY($0.value) / 4 }
    let bits: [[UInt32]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
    var lines: [String] = []
    for row in 0..<height {
      var text = ""
      for column in 0..<columns {
        // The first series with a dot in this cell draws it.
        var best = Int.max, pattern: UInt32 = 0
        for dy in 0..<4 {
          for dx in 0..<2 {
            let k = owner[row * 4 + dy][column * 2 + dx]
            if k >= 0 && k < best { best = k }
          }
        }
        if best == Int.max {
          text += row == levelRow ? paint("┈", 90, color) : " "
          continue
        }
        for dy in 0..<4 { for dx in 0..<2 where owner[row * 4 + dy][column * 2 + dx] == best { pattern |= bits[dy][dx] } }
        let glyph = best == 0 || color ? String(UnicodeScalar(0x2800 + pattern)!) : String(markers[best % markers.count])
        text += paint(glyph, Int(colors[best % colors.count])!, color)
      }
      let value = hi - Double(row) / Double(height - 1) * (hi - lo)
      let label = (row == 0 || row == height - 1 || row == height / 2) ? Num.fixed(value, 2) : ""
      lines.append(String(repeating: " ", count: max(0, 8 - label.count)) + label + " ┤" + text)
    }
    lines.append(String(repeating: " ", count: 9) + "└" + String(repeating: "─", count: columns))
    let (first, last) = ("\(tr("chart.epoch")) 1", "\(tr("chart.epoch")) \(points)")
    lines.append(String(repeating: " ", count: 10) + first + String(repeating: " ", count: max(1, columns - first.count - last.count)) + last)
    var legend = series.enumerated().map { k, s in
      paint(String(k == 0 || color ? "⣿" : markers[k % markers.count]), Int(colors[k % colors.count])!, color) + " " + s.name
    }
    if let level { legend.append(paint("┈", 90, color) + " " + level.name) }
    // A narrow terminal keeps the legend's first entries (escape sequences take no columns).
    while legend.count > 1, LineFitter.columns("          " + legend.joined(separator: "   ")) > width { legend.removeLast() }
    if series.count > 1 || level != nil { lines.append("          " + legend.joined(separator: "   ")) }
    return lines
  }

  private static func paint(_ text: String, _ code: Int, _ color: Bool) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
