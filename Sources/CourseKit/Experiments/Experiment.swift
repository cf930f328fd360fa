import LessonEngine
import D2L

/// An experiment that answers one of a lesson's exercises by measuring: it trains its settings
/// under one budget and reports what they measured.
public protocol Experiment {
  /// The exercise it answers (its number in the lesson; 0 for none).
  static var exercise: Int { get }
  /// A title for the transcript and the JSON, in the current language.
  static var title: String { get }
  /// Sizes that finish in a few minutes on 2 cores (release build).
  static var defaultBudget: ExperimentBudget { get }
  var budget: ExperimentBudget { get }
  /// Trains every setting and measures it, reporting progress to `log`.
  /// - Throws: `ExperimentError` (missing data, too little data), `ExperimentInterrupted`
  ///   when `shouldStop` says so, `TrainingError.diverged`.
  func run(log: ExperimentLog, shouldStop: @escaping () -> Bool) throws -> ExperimentReport
}

/// A lesson's experiment as the course's commands run it (`lessons experiment LESSON:NAME`): its
/// name within the lesson, its default budget, the options it reads beyond the shared budget,
/// and how to measure. A lesson lists its plug-ins in `Lesson.experiments`.
public struct ExperimentPlugin: LessonExperiment {
  /// The options of `lessons experiment` that only some experiments read.
  public enum Option: String, CaseIterable, Sendable {
    /// `--cell`: the cell every setting trains (an experiment that compares cells has none).
    case cell
    /// `--layers`: the stacked layers of every setting (an experiment over depth has none).
    case layers
    /// `--max-layers`: the deepest stack (an experiment over depth).
    case maxLayers = "max-layers"
    /// `--same-updates`: as many minibatches for every setting.
    case sameUpdates = "same-updates"
  }

  /// What a run gives: the report (tables, curves, files) and, for `--json`, a summary of its
  /// own when the report's JSON is not the experiment's answer.
  public struct Outcome {
    public var report: ExperimentReport
    public var summaryJSON: String?

    public init(report: ExperimentReport, summaryJSON: String? = nil) {
      self.report = report
      self.summaryJSON = summaryJSON
    }
  }

  public let name: String
  private let titleText: () -> String
  public var title: String { titleText() }
  /// Sizes that finish in a few minutes on 2 cores (release build).
  public let defaultBudget: ExperimentBudget
  /// The options it reads beyond the shared budget.
  public let options: Set<Option>
  /// Measures with `budget` and the values of its own options (`--max-layers`: `[.maxLayers: 3]`),
  /// reporting progress to the log, stopping when asked.
  public let measure: (
    _ budget: ExperimentBudget, _ values: [Option: Int], _ log: ExperimentLog, _ shouldStop: @escaping () -> Bool
  ) throws -> Outcome

  public init(
    name: String, title: @escaping () -> String, defaultBudget: ExperimentBudget, options: Set<Option> = [],
    measure: @escaping (ExperimentBudget, [Option: Int], ExperimentLog, @escaping () -> Bool) throws -> Outcome
  ) {
    self.name = name
    self.titleText = title
    self.defaultBudget = defaultBudget
    self.options = options
    self.measure = measure
  }

  /// The plug-in of an `Experiment` type answering exercise `name`: its title and budget, and
  /// `make` building it for a budget.
  public static func of<E: Experiment>(
    _ type: E.Type, name: String? = nil, options: Set<Option> = [.cell, .layers], make: @escaping (ExperimentBudget) -> E
  ) -> ExperimentPlugin {
    ExperimentPlugin(name: name ?? String(E.exercise), title: { E.title }, defaultBudget: E.defaultBudget, options: options) {
      budget, _, log, shouldStop in
      Outcome(report: try make(budget).run(log: log, shouldStop: shouldStop))
    }
  }
}

extension Lesson {
  /// The lesson's experiments the course's commands can run.
  public var experimentPlugins: [ExperimentPlugin] { experiments.compactMap { $0 as? ExperimentPlugin } }
}

/// Helpers the experiments share.
public enum ExperimentSupport {
  /// `1.2k`, `250k`, `1.03M`: token counts for tables (`1,2k` in Vietnamese).
  public static func count(_ n: Int) -> String {
    if n >= 1_000_000 { return Num.fixed(Double(n) / 1e6, 2) + "M" }
    if n >= 10_000 { return Num.fixed(Double(n) / 1e3, 0) + "k" }
    if n >= 1_000 { return Num.fixed(Double(n) / 1e3, 1) + "k" }
    return "\(n)"
  }

  /// `v` with `digits` decimals, as the language writes it.
  public static func fixed(_ v: Double, _ digits: Int = 2) -> String { Num.fixed(v, digits) }

  /// The relative change from `a` to `b` as `-12.3%` / `+0.4%`.
  public static func change(from a: Double, to b: Double) -> String { Num.change(from: a, to: b) }

  /// A training-perplexity curve per setting.
  public static func curves(_ settings: [SettingResult], title: String) -> ExperimentReport.Chart {
    .init(slug: "curves", kind: .curves, title: title, xLabel: "epoch", yLabel: tr("experiment.trainingPerplexity"),
          series: settings.map { s in .init(name: s.name, x: s.history.map { Double($0.epoch) }, y: s.history.map(\.perplexity)) })
  }
}
