/// One thing a step printed, kept as data as well as drawn: a cached step shows its events
/// again, and an exported page draws them in its own way (equations as MathML, charts as SVG,
/// heatmaps in colour). What the terminal shows is always drawn from the same events.
public enum StepEvent: Codable, Equatable, Sendable {
  /// A line of text, as the step wrote it (the terminal fits it to its width).
  case line(String)
  /// An equation already in readable Unicode (`H₁⁽²⁾ = …`).
  case equation(String)
  /// An equation in LaTeX, rendered as Unicode in the terminal and as MathML in a page.
  case latex(String)
  /// A line chart of values per epoch.
  case chart(StepChart)
  /// Hidden states drawn as a grid: a row per unit, a column per character.
  case heatmap(StepHeatmap)
}

/// A line chart's data: named series of values, one per epoch (D2L's `ProgressBoard`).
public struct StepChart: Codable, Equatable, Sendable {
  /// One curve of the chart.
  public struct Series: Codable, Equatable, Sendable {
    public var name: String
    public var values: [Double]

    public init(name: String, values: [Double]) {
      self.name = name
      self.values = values
    }
  }

  /// What the chart shows, or nil when the step's text already says it.
  public var title: String?
  public var series: [Series]
  /// Rows the terminal chart takes.
  public var height: Int

  public init(title: String? = nil, series: [Series], height: Int = 12) {
    self.title = title
    self.series = series
    self.height = height
  }
}

/// A heatmap's data: `values[unit][step]` already divided by the grid's scale, so that ±1 is
/// the darkest, under the sequence's characters.
public struct StepHeatmap: Codable, Equatable, Sendable {
  /// The characters of the sequence, one per column.
  public var text: String
  /// The hidden units drawn, one per row.
  public var units: [Int]
  /// `values[row][column]`, in [-1, 1].
  public var values: [[Float]]
  /// The word before a row's unit number (`unit`, `đơn vị`).
  public var unitLabel: String

  public init(text: String, units: [Int], values: [[Float]], unitLabel: String) {
    self.text = text
    self.units = units
    self.values = values
    self.unitLabel = unitLabel
  }
}
