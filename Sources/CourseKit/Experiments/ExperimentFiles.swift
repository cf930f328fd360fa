import LessonEngine
import D2L
import Foundation

/// Saves an experiment's results beside its terminal output: the report as JSON, its main
/// table as CSV, each chart as SVG, every file written atomically (temporary file + rename).
public enum ExperimentFiles {
  /// Writes the files into `directory` (created if needed) and returns their paths.
  public static func save(_ report: ExperimentReport, to directory: String) throws -> [String] {
    let folder = URL(fileURLWithPath: directory, isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let stem = report.name ?? "exercise-\(report.exercise)"
    var written: [String] = []
    func write(_ data: Data, _ name: String) throws {
      let url = folder.appendingPathComponent(name)
      try writeAtomically(data, to: url)
      // The path as the learner wrote it (`results/...`), not made absolute.
      written.append((directory as NSString).appendingPathComponent(name))
    }
    try write(Data(try json(report).utf8), stem + ".json")
    try write(Data((report.csv ?? csv(report.settings)).csv.utf8), stem + ".csv")
    for chart in report.charts {
      try write(Data(svg(chart).render().utf8), "\(stem)-\(chart.slug).svg")
    }
    return written
  }

  /// The whole report as pretty-printed JSON.
  public static func json(_ report: ExperimentReport) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    // A diverged setting has no finite perplexity; JSON has no NaN, so it is spelled out.
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return String(decoding: try encoder.encode(report), as: UTF8.self)
  }

  /// A row per setting with raw numbers (the printed table rounds them): for spreadsheets
  /// and plotting scripts. One column per held-out group any setting was measured on.
  public static func csv(_ settings: [SettingResult]) -> ResultTable {
    let groups = Set(settings.flatMap(\.heldOut.keys)).sorted()
    return ResultTable(
      columns: ["setting", "cell", "learning_rate", "books", "training_tokens", "epochs", "train_perplexity"]
        + groups.map { "held_out_perplexity[\($0)]" } + ["tokens_per_second", "train_seconds", "wall_seconds", "stopped_by_time_limit"],
      rows: settings.map { s in
        [s.name, s.cell.rawValue, "\(s.learningRate)", s.books.joined(separator: " "), "\(s.trainingTokens)", "\(s.history.count)", "\(s.trainPerplexity)"]
          + groups.map { s.heldOut[$0].map { "\($0)" } ?? "" }
          + ["\(s.tokensPerSecond)", "\(s.trainSeconds)", "\(s.wallSeconds)", "\(s.stoppedByTimeLimit)"]
      })
  }

  /// The SVG chart of a report's chart.
  public static func svg(_ chart: ExperimentReport.Chart) -> SVGLineChart {
    SVGLineChart(
      title: chart.title, xLabel: chart.xLabel, yLabel: chart.yLabel,
      series: chart.series.map { s in .init(name: s.name, points: zip(s.x, s.y).map { (x: $0, y: $1) }) })
  }
}
