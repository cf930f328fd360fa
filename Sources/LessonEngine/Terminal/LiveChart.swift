import Foundation

/// A chart drawn in place while a run trains, redrawn after each epoch: the cursor goes up
/// over the previous frame and each line is rewritten (no screen clear, so no flicker and
/// nothing left behind in the scrollback). It fits the terminal's width at each frame.
///
/// Only a walk on a terminal turns it on (`enabled`); in a transcript the run prints its
/// curve once, at the end.
public final class LiveChart {
  /// Whether a live chart may be drawn now (set by the walk around a step on a terminal).
  nonisolated(unsafe) public static var enabled = false
  /// The learner's previous run of the same step and configuration, from the cache, if any.
  nonisolated(unsafe) public static var previousRun: [Double]?

  /// The previous run's name in the legend, in the lesson's language.
  public static var previousRunName: String { tr("chart.previousRun") }

  let name: String
  let span: Int
  let level: BrailleChart.Level?
  let height: Int
  private(set) var values: [Double] = []
  private var status = ""
  private var drawnLines = 0
  private var lastDraw = Date.distantPast
  /// At most this many frames a second (the last epoch is always drawn).
  static let framesPerSecond = 20.0

  /// A live chart if one may be drawn now, else nil.
  public static func start(name: String, epochs: Int, level: BrailleChart.Level?, height: Int = 10) -> LiveChart? {
    guard enabled, Console.isTerminal else { return nil }
    return LiveChart(name: name, span: epochs, level: level, height: height)
  }

  init(name: String, span: Int, level: BrailleChart.Level?, height: Int) {
    self.name = name
    self.span = span
    self.level = level
    self.height = height
  }

  /// The series drawn: this run, and the previous run when there is one.
  var series: [(name: String, values: [Double])] {
    var series = [(name: name, values: values)]
    if let previous = LiveChart.previousRun, !previous.isEmpty { series.append((Self.previousRunName, previous)) }
    return series
  }

  /// Adds an epoch's value and redraws, with `status` (the readout line) above the chart.
  public func add(_ value: Double, status: String) {
    values.append(value)
    self.status = status
    let now = Date()
    guard values.count == span || now.timeIntervalSince(lastDraw) >= 1 / Self.framesPerSecond else { return }
    lastDraw = now
    draw(frame(width: Console.width))
  }

  /// The frame for `width` columns: the readout line, then the chart.
  func frame(width: Int) -> [String] {
    [LineFitter.truncate(status, width: width - 1)]
      + BrailleChart.lines(series: series, level: level, height: height, width: width - 1, span: span, color: true)
  }

  private func draw(_ lines: [String]) {
    var text = drawnLines > 0 ? "\u{1B}[\(drawnLines)A" : ""
    for line in lines { text += "\r\u{1B}[2K" + line + "\n" }
    // A frame shorter than the last (a narrower legend) clears what is left below it.
    for _ in lines.count..<max(lines.count, drawnLines) { text += "\r\u{1B}[2K\n" }
    if drawnLines > lines.count { text += "\u{1B}[\(drawnLines - lines.count)A" }
    Console.write(text)
    drawnLines = lines.count
  }

  /// Takes the frame off the screen (the run then prints its final chart as part of its output).
  public func finish() {
    guard drawnLines > 0 else { return }
    var text = "\u{1B}[\(drawnLines)A"
    for _ in 0..<drawnLines { text += "\r\u{1B}[2K\n" }
    Console.write(text + "\u{1B}[\(drawnLines)A")
    drawnLines = 0
  }
}
