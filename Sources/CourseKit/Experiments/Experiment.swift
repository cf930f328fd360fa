import LessonEngine
import D2L

/// An experiment that answers one of the chapter's exercises by measuring: it trains its
/// settings under one budget and reports what they measured.
public protocol Experiment {
  /// The exercise it answers (2, 3 or 4).
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

/// The experiments by exercise number.
public enum Experiments {
  public static let all: [any Experiment.Type] = [CellComparison.self, BookScaling.self, AuthorMixing.self]

  public static func type(forExercise n: Int) -> (any Experiment.Type)? { all.first { $0.exercise == n } }

  /// The experiment the command line names: an exercise number, or `depth`.
  public static func type(named name: String) -> (any Experiment.Type)? {
    name == DepthExperiment.name ? DepthExperiment.self : Int(name).flatMap(type(forExercise:))
  }

  /// The experiment for exercise `n` with `budget`, loading its books through `locator`.
  public static func make(exercise n: Int, budget: ExperimentBudget, locator: DataLocator = DataLocator()) -> (any Experiment)? {
    switch n {
    case 2: return CellComparison(budget: budget, locator: locator)
    case 3: return BookScaling(budget: budget, locator: locator)
    case 4: return AuthorMixing(budget: budget, locator: locator)
    default: return nil
    }
  }
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
