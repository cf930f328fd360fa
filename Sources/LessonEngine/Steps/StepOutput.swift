import D2L
import Foundation

/// Where a step prints what it computed: lines, shapes with the meaning of each axis,
/// equations rendered from LaTeX, charts and tensor values, in the lesson's style.
///
/// Everything printed is also kept as `StepEvent`s, so that the step's output can be shown
/// again without running it (the step cache) or drawn elsewhere (an exported page).
public final class StepOutput {
  /// Printing is off while `--step` runs a step's prerequisites quietly (events are still kept).
  public var quiet = false
  public let color: Bool
  /// Columns to fit; the walk follows the terminal's width from step to step.
  public var width: Int
  /// What was printed since the last `takeEvents()`.
  public private(set) var events: [StepEvent] = []

  public init(color: Bool, width: Int) {
    self.color = color
    self.width = width
  }

  /// The events kept so far, and a fresh start for the next step.
  public func takeEvents() -> [StepEvent] {
    defer { events = [] }
    return events
  }

  /// Prints a line of a step's output.
  public func say(_ text: String = "") {
    events.append(.line(text))
    write(text)
  }

  /// A line to the terminal only: events are kept by the caller.
  private func write(_ text: String) {
    // A line wider than the terminal breaks at its spaces, continued two columns deeper.
    if !quiet { Console.write(LineFitter.fitLines(text, width: width) + "\n") }
  }

  /// `name: (batch 32, steps 35, vocab 28)`: a shape with the meaning of each axis.
  public func shape(_ name: String, _ shape: [Int], _ axes: [String], note: String = "") {
    let parts = zip(axes, shape).map { "\($0) \($1)" }
    say("  \(name): (\(parts.joined(separator: ", ")))" + (note.isEmpty ? "" : "   \(note)"))
  }

  /// An equation line, highlighted when colour is on.
  public func equation(_ text: String) {
    events.append(.equation(text))
    writeEquation(text)
  }

  /// An equation written in LaTeX, shown as Unicode (`\\mathbf{H}_t^{(l)}` as 𝐇ₜ⁽ˡ⁾).
  public func latex(_ source: String) {
    events.append(.latex(source))
    writeEquation((try? MathRenderer.render(source)) ?? source)
  }

  private func writeEquation(_ text: String) {
    write(color ? "  \u{1B}[36m\(text)\u{1B}[0m" : "  \(text)")
  }

  /// A line chart of values per epoch, drawn with characters to fit the width.
  public func chart(_ chart: StepChart) {
    events.append(.chart(chart))
    if let title = chart.title { write("  " + title) }
    let lines = TextChart.lines(
      series: chart.series.map { ($0.name, $0.values) }, height: chart.height, width: max(20, min(width - 12, 72)))
    for line in lines { write(line) }
  }

  /// Hidden states as a grid of shaded (or, with colour, tinted) cells.
  public func heatmap(_ heatmap: StepHeatmap) {
    events.append(.heatmap(heatmap))
    for line in HeatmapText.lines(heatmap, color: color, width: width) { write(line) }
  }

  /// Shows events kept from an earlier run, as they were first shown.
  public func replay(_ events: [StepEvent]) {
    for event in events {
      switch event {
      case .line(let text): say(text)
      case .equation(let text): equation(text)
      case .latex(let source): latex(source)
      case .chart(let data): chart(data)
      case .heatmap(let data): heatmap(data)
      }
    }
  }

  /// A matrix's values, one row per line, indented under its label.
  public func values(_ tensor: Tensor, indent: String = "      ", digits: Int = 4) {
    let rows = tensor.rank >= 2 ? tensor.shape[0] : 1
    let columns = tensor.count / max(rows, 1)
    let v = tensor.scalars
    for r in 0..<rows {
      let row = v[(r * columns)..<((r + 1) * columns)].map { String(format: "%+.\(digits)f", $0) }
      say(indent + "[" + row.joined(separator: " ") + "]")
    }
  }
}

/// Unicode digits for H₁⁽²⁾-style labels.
public enum Scripts {
  public static func sub(_ n: Int) -> String { map(n, "₀₁₂₃₄₅₆₇₈₉") }
  public static func sup(_ n: Int) -> String { map(n, "⁰¹²³⁴⁵⁶⁷⁸⁹") }
  private static func map(_ n: Int, _ digits: String) -> String {
    let d = Array(digits)
    return String(String(n).map { d[Int(String($0))!] })
  }
  /// H_t^(l) as `Hₜ⁽ˡ⁾` with numbers: `H₃⁽²⁾`.
  public static func H(_ t: Int, _ l: Int) -> String { "H\(sub(t))⁽\(sup(l))⁾" }
  /// A whole layer's symbol, the layer in parentheses so that it never reads as a power:
  /// `H⁽¹⁾`, not `H¹`.
  public static func layer(_ symbol: String, _ l: Int) -> String { "\(symbol)⁽\(sup(l))⁾" }
  /// A weight or bias with letter subscripts, of layer `l` when given: `Wₓₕ`, `Wₕₕ⁽²⁾`, `bₕ⁽¹⁾`.
  public static func W(_ subscripts: String, _ l: Int? = nil, letter: String = "W") -> String {
    let small: [Character: Character] = ["x": "ₓ", "h": "ₕ", "o": "ₒ", "t": "ₜ"]
    return letter + String(subscripts.map { small[$0] ?? $0 }) + (l.map { "⁽\(sup($0))⁾" } ?? "")
  }
}
