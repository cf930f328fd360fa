import LessonEngine

/// Counts per sequence length as a horizontal bar chart of text: a row per `bin` lengths, one
/// bar per series (█ and ▒, so that the two stay apart without colour), each bar scaled to the
/// largest count. Lengths from `lastBar` on share the last row.
public struct LengthHistogram {
  public let series: [(name: String, counts: [Int: Int])]
  public let bin: Int
  public let lastBar: Int

  public init(series: [(name: String, counts: [Int: Int])], bin: Int, lastBar: Int) {
    (self.series, self.bin, self.lastBar) = (series, bin, lastBar)
  }
  static let fills: [Character] = ["█", "▒", "▓", "░"]

  /// The rows: a legend, then for each length each series' bar and count.
  public func lines(width: Int, axis: String) -> [String] {
    let rows = binned()
    let peak = max(1, rows.flatMap(\.counts).max() ?? 1)
    let label = max(axis.count, rows.map(\.label.count).max() ?? 1)
    let countWidth = Num.int(peak).count
    let barWidth = max(8, min(width, 100) - label - countWidth - 8)
    var lines = ["  " + axis.padding(toLength: label, withPad: " ", startingAt: 0) + "  "
      + series.enumerated().map { "\(Self.fills[$0.offset % Self.fills.count]) \($0.element.name)" }.joined(separator: "   ")]
    for row in rows {
      for (k, count) in row.counts.enumerated() {
        let name = k == 0 ? row.label : ""
        let length = Int((Double(count) / Double(peak) * Double(barWidth)).rounded())
        let bar = String(repeating: Self.fills[k % Self.fills.count], count: count > 0 ? max(1, length) : 0)
        lines.append("  " + String(repeating: " ", count: label - name.count) + name + "  " + bar + " " + Num.int(count))
      }
    }
    return lines
  }

  /// One row per `bin` lengths from 1 to `lastBar - 1` (`1-3`), and a last row `lastBar+` for
  /// the rest.
  func binned() -> [(label: String, counts: [Int])] {
    let longest = series.flatMap(\.counts.keys).max() ?? 0
    var rows: [(label: String, counts: [Int])] = []
    for low in stride(from: 1, to: min(lastBar, longest + 1), by: bin) {
      let high = min(low + bin, lastBar) - 1
      let label = high == low ? String(low) : "\(low)-\(high)"
      rows.append((label, series.map { $0.counts.filter { (low...high).contains($0.key) }.values.reduce(0, +) }))
    }
    if longest >= lastBar {
      rows.append(("\(lastBar)+", series.map { $0.counts.filter { $0.key >= lastBar }.values.reduce(0, +) }))
    }
    return rows
  }
}
