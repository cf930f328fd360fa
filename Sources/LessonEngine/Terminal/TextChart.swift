import Foundation

/// A line chart drawn with characters, for perplexity curves in a terminal (D2L's animated
/// plot, after the fact).
public enum TextChart {
  public static let markers: [Character] = ["●", "▲", "■", "◆", "○"]

  /// The chart's lines: a y axis with labels, one marker per column, a legend under it.
  /// Each series is resampled to `width` columns (the mean of the points a column covers).
  public static func lines(series: [(name: String, values: [Double])], height: Int, width: Int) -> [String] {
    let all = series.flatMap(\.values).filter(\.isFinite)
    guard let lo = all.min(), let hi = all.max(), height > 1, width > 1 else { return ["  " + tr("chart.noData")] }
    let span = hi - lo > 1e-12 ? hi - lo : 1
    let longest = series.map(\.values.count).max() ?? 1
    let columns = min(width, longest)
    var grid = Array(repeating: Array(repeating: Character(" "), count: columns), count: height)
    for (k, s) in series.enumerated() where !s.values.isEmpty {
      for c in 0..<columns {
        // The points of this series that fall into column c (series may differ in length).
        let from = c * s.values.count / columns, to = max(from + 1, (c + 1) * s.values.count / columns)
        let slice = s.values[from..<min(to, s.values.count)].filter(\.isFinite)
        guard !slice.isEmpty else { continue }
        let v = slice.reduce(0, +) / Double(slice.count)
        let row = height - 1 - Int(((v - lo) / span * Double(height - 1)).rounded())
        grid[row][c] = markers[k % markers.count]
      }
    }
    var lines: [String] = []
    for (r, row) in grid.enumerated() {
      let value = hi - Double(r) / Double(height - 1) * span
      let number = Num.fixed(value, 2)
      let label = (r == 0 || r == height - 1 || r == height / 2)
        ? String(repeating: " ", count: max(0, 8 - number.count)) + number : String(repeating: " ", count: 8)
      lines.append(label + " ┤" + String(row))
    }
    lines.append(String(repeating: " ", count: 9) + "└" + String(repeating: "─", count: columns))
    let (first, last) = ("\(tr("chart.epoch")) 1", "\(tr("chart.epoch")) \(longest)")
    lines.append(String(repeating: " ", count: 10) + (longest == 1
      ? first : first + String(repeating: " ", count: max(1, columns - first.count - last.count)) + last))
    if series.count > 1 {
      lines.append("          " + series.enumerated().map { "\(markers[$0.offset % markers.count]) \($0.element.name)" }.joined(separator: "   "))
    }
    return lines
  }
}
