import CourseKit
import Foundation
import LessonEngine

/// One sequence's hidden states drawn as a grid, a row per hidden unit and a column per
/// character, with a measure of how fast each layer's state moves.
///
/// On a colour terminal each cell is coloured, blue below zero and red above, darker the
/// further from zero; without colour its shade says its value in [-1, 1]: ` ` near -1,
/// `░ ▒ ▓` between, `█` near +1.
public enum HiddenStateHeatmap {
  public static let shades: [Character] = [" ", "░", "▒", "▓", "█"]

  /// The shade of a value in [-1, 1] (clamped).
  public static func shade(_ v: Float) -> Character {
    let level = Int((((max(-1, min(1, v)) + 1) / 2) * Float(shades.count)).rounded(.down))
    return shades[min(level, shades.count - 1)]
  }

  /// A 256-colour terminal code for a value in [-1, 1]: pale near zero, deep blue near -1,
  /// deep red near +1.
  public static func tint(_ v: Float) -> Int {
    let blues = [189, 153, 111, 75, 33, 26, 19], reds = [224, 217, 210, 203, 196, 160, 124]
    let k = min(Int(abs(max(-1, min(1, v))) * Float(blues.count)), blues.count - 1)
    return v < 0 ? blues[k] : reds[k]
  }

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

  /// The grid of `units` over `text` (a character per step), headed by the text itself in
  /// quotes; values are divided by `scale` (so ±scale is the darkest), since a layer's states
  /// rarely span [-1, 1]. A row is labelled `label` and its unit (`unit 3`); the grid draws as
  /// many characters as fit in `width` columns.
  public static func lines(states: [[Float]], units: [Int], text: [Character], scale: Float, color: Bool,
                           label word: String = "unit", width: Int = .max) -> [String] {
    let label = LineFitter.columns("\(word) \(units.max() ?? 0)")
    // "    unit 12 " before the cells; the header's closing quote takes one more column.
    let shown = min(text.count, states.count, max(1, width - (label + 5) - 1))
    var out = [String(repeating: " ", count: label + 4) + "\"" + String(text.prefix(shown)) + "\""]
    for u in units {
      let name = "\(word) \(u)"
      var row = "    " + name + String(repeating: " ", count: label - LineFitter.columns(name)) + " "
      for t in 0..<shown {
        let v = states[t][u] / max(scale, 1e-12)
        row += color ? "\u{1B}[48;5;\(tint(v))m " : String(shade(v))
      }
      out.append(row + (color ? "\u{1B}[0m" : ""))
    }
    return out
  }
}
