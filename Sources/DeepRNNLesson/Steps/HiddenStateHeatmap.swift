import CourseKit
import Foundation
import LessonEngine

/// What a sequence's hidden states show: which units are worth drawing, at what scale, and how
/// fast each layer's state moves. The grid itself is drawn by the engine (`HeatmapText` in the
/// terminal, SVG in an exported page) from a `StepHeatmap`.
public enum HiddenStateHeatmap {
  /// The shade of a value in [-1, 1] (clamped).
  public static func shade(_ v: Float) -> Character { HeatmapText.shade(v) }

  /// Mean |H_t − H_{t−1}| over steps t ≥ 2 and all units of one layer's states [t][unit]: how
  /// far the state moves per character. A layer that tracks short patterns moves more.
  public static func meanAbsoluteChange(_ states: [[Float]]) -> Double {
    guard states.count > 1 else { return 0 }
    var total = 0.0, count = 0
    for t in 1..<states.count {
      for (now, before) in zip(states[t], states[t - 1]) {
        total += Double(abs(now - before))
        count += 1
      }
    }
    return total / Double(max(count, 1))
  }

  /// The `count` units whose values vary most over the sequence (largest standard deviation),
  /// in index order: the readable subset worth drawing.
  public static func liveliestUnits(_ states: [[Float]], count: Int) -> [Int] {
    guard let units = states.first?.count, units > 0 else { return [] }
    let spread = (0..<units).map { u -> Double in
      let values = states.map { Double($0[u]) }
      let mean = values.reduce(0, +) / Double(values.count)
      return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    }
    return Array((0..<units).sorted { spread[$0] > spread[$1] }.prefix(count)).sorted()
  }

  /// The largest |value| of `units` over the sequence: the grid's scale.
  public static func scale(_ states: [[Float]], units: [Int]) -> Float {
    states.flatMap { row in units.map { abs(row[$0]) } }.max() ?? 1
  }

  /// The data of the grid of `units` over `text` (a character per step); values are divided
  /// by `scale` (so ±scale is the darkest), since a layer's states rarely span [-1, 1].
  public static func map(states: [[Float]], units: [Int], text: [Character], scale: Float, label: String = "unit")
    -> StepHeatmap
  {
    let steps = min(text.count, states.count)
    let values = units.map { u in (0..<steps).map { states[$0][u] / max(scale, 1e-12) } }
    return StepHeatmap(text: String(text.prefix(steps)), units: units, values: values, unitLabel: label)
  }

  /// The grid as terminal lines (see `HeatmapText`).
  public static func lines(states: [[Float]], units: [Int], text: [Character], scale: Float, color: Bool,
                           label word: String = "unit", width: Int = .max) -> [String] {
    HeatmapText.lines(map(states: states, units: units, text: text, scale: scale, label: word), color: color, width: width)
  }
}
