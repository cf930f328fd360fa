/// A `StepHeatmap` drawn with characters: a row per hidden unit and a column per character.
///
/// On a colour terminal each cell is coloured, blue below zero and red above, darker the
/// further from zero; without colour its shade says its value in [-1, 1]: ` ` near -1,
/// `░ ▒ ▓` between, `█` near +1.
public enum HeatmapText {
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

  /// The grid headed by the text itself in quotes; a row is labelled with its unit
  /// (`unit 3`); as many characters as fit in `width` columns are drawn.
  public static func lines(_ map: StepHeatmap, color: Bool, width: Int = .max) -> [String] {
    let text = Array(map.text)
    let word = map.unitLabel
    let label = LineFitter.columns("\(word) \(map.units.max() ?? 0)")
    let steps = map.values.first?.count ?? 0
    // "    unit 12 " before the cells; the header's closing quote takes one more column.
    let shown = min(text.count, steps, max(1, width - (label + 5) - 1))
    var out = [String(repeating: " ", count: label + 4) + "\"" + String(text.prefix(shown)) + "\""]
    for (row, u) in map.units.enumerated() {
      let name = "\(word) \(u)"
      var line = "    " + name + String(repeating: " ", count: label - LineFitter.columns(name)) + " "
      for t in 0..<shown {
        let v = map.values[row][t]
        line += color ? "\u{1B}[48;5;\(tint(v))m " : String(shade(v))
      }
      out.append(line + (color ? "\u{1B}[0m" : ""))
    }
    return out
  }
}
