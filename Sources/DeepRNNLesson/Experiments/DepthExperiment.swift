import CourseKit
import D2L
import Foundation
import LessonEngine

/// `lessons experiment deep-rnn:depth`: what stacking layers buys. The same cell and width with 1, 2, …
/// `maxLayers` layers under one budget on The Time Machine, each measured on the same held-out
/// passage (the end of the book); then, at an equal parameter count, the deepest stack against
/// one wide layer. Not one of the chapter's numbered exercises: the chapter's own question.
public struct DepthExperiment: Experiment {
  /// Not a numbered exercise: reported and saved under the name `depth`.
  public static let exercise = 0
  public static let name = "depth"
  public static var title: String { tr("depth.title") }
  /// A GRU of 128 units (the LSTM's early plateau, see `BookScaling.defaultBudget`, lasts
  /// longer the deeper the stack), 15 epochs over the whole book but its last 10,000 tokens:
  /// the four depths and the wide layer take about 75 s on 2 quiet cores. Measured on the way
  /// here: after 10 epochs two layers beat one on held-out text (5.70 vs 6.14); after 30 every
  /// depth overfits and one layer is best (5.20, four layers 5.60).
  public static var defaultBudget: ExperimentBudget {
    var b = ExperimentBudget()
    b.cell = .gru
    b.hiddenSize = 128
    b.epochs = 15
    b.trainTokens = 0
    b.heldOutTokens = 10_000
    return b
  }

  public var budget: ExperimentBudget
  public var locator = DataLocator()
  /// Depths 1…maxLayers are trained.
  public var maxLayers = 4
  public var prefix = "the time traveller"

  public init(
    budget: ExperimentBudget, locator: DataLocator = DataLocator(), maxLayers: Int = 4, prefix: String = "the time traveller"
  ) {
    self.budget = budget
    self.locator = locator
    self.maxLayers = maxLayers
    self.prefix = prefix
  }

  /// One trained depth: its size beside what it measured.
  public struct Setting {
    public let layers: Int
    public let hiddenSize: Int
    public let parameters: Int
    public let result: SettingResult
    public let heldOut: Double
  }

  /// Everything the experiment measured: the depths, and the equal-parameter pair.
  public struct Outcome {
    public var depths: [Setting]
    /// The deepest stack and one layer as wide as gives the same parameter count (nil for
    /// `maxLayers` 1).
    public var equalParameters: (deep: Setting, wide: Setting)?
    public var report: ExperimentReport
  }

  public func run(log: ExperimentLog, shouldStop: @escaping () -> Bool) throws -> ExperimentReport {
    try measure(log: log, shouldStop: shouldStop).report
  }

  /// Trains every depth, then the wide single layer, and builds the report.
  public func measure(log: ExperimentLog, shouldStop: @escaping () -> Bool) throws -> Outcome {
    let start = Date()
    let book = try BookCatalog.load([BookCatalog.timeMachine], locator: locator)[0]
    let split = book.split(heldOutTokens: budget.heldOutTokens)
    let tokens = CellComparison.plan(split, budget: budget).tokens
    let passage = HeldOutPassage(split)
    log.line(tr("depth.intro", [
      "cell": budget.cell.displayName, "layers": maxLayers, "hidden": budget.hiddenSize, "tokens": Num.int(tokens.count),
      "heldOut": Num.int(passage.tokens.count),
    ]))
    // The budget without its number of layers, which the experiment varies.
    let layersPart = tr("depth.budgetLayers", ["layers": budget.numLayers])
    log.line("  " + tr("depth.budget", ["summary": budget.summary.replacingOccurrences(of: layersPart, with: "")]))

    func train(layers: Int, hidden: Int, name: String) throws -> (Setting, RNNModel) {
      var b = budget
      b.numLayers = layers
      b.hiddenSize = hidden
      let trainer = SettingTrainer(budget: b, log: log, shouldStop: shouldStop)
      let settingStart = Date()
      var (model, result) = try trainer.train(name: name, cell: b.cell, books: [book.file], tokens: tokens)
      let heldOut = HeldOutEvaluation.perplexity(HeldOutEvaluation.scores(of: model, on: [passage]))
      result.heldOut[book.title] = heldOut
      result.wallSeconds = Date().timeIntervalSince(settingStart)
      log.line("  " + tr("depth.result", [
        "name": name, "parameters": ExperimentSupport.count(model.parameterCount), "train": Num.fixed(result.trainPerplexity, 3),
        "heldOut": Num.fixed(heldOut, 3), "speed": Num.int(Int(result.tokensPerSecond.rounded())),
        "seconds": Num.fixed(result.wallSeconds, 1),
      ]))
      return (Setting(layers: layers, hiddenSize: hidden, parameters: model.parameterCount, result: result, heldOut: heldOut), model)
    }

    var depths: [Setting] = [], samples: [ExperimentReport.Sample] = []
    for layers in 1...maxLayers {
      let (setting, model) = try train(layers: layers, hidden: budget.hiddenSize, name: Self.name(layers: layers))
      depths.append(setting)
      samples.append(.init(prefix: prefix, setting: setting.result.name, text: model.predict(prefix: prefix, count: 50, vocab: Book.vocab)))
    }
    var equal: (deep: Setting, wide: Setting)?
    if maxLayers > 1, let deep = depths.last {
      let width = Self.hiddenSize(matching: deep.parameters, layers: 1, cell: budget.cell, vocabSize: Book.vocab.count)
      log.line("  " + tr("depth.equal", [
        "layers": deep.layers, "hidden": deep.hiddenSize, "deep": Num.int(deep.parameters), "width": width,
        "wide": Num.int(Self.parameterCount(cell: budget.cell, vocabSize: Book.vocab.count, hiddenSize: width, numLayers: 1)),
      ]))
      let (wide, _) = try train(layers: 1, hidden: width, name: tr("depth.wide", ["hidden": width]))
      equal = (deep, wide)
    }

    var report = ExperimentReport(
      exercise: Self.exercise, title: Self.title, budget: budget, settings: depths.map(\.result) + (equal.map { [$0.wide.result] } ?? []),
      heldOut: [HeldOutRecord(split)], table: Self.table(depths))
    report.name = Self.name
    if let equal {
      report.extraTables = [.init(title: tr("depth.equalTitle"), table: Self.table([equal.deep, equal.wide]))]
    }
    let x = depths.map { Double($0.layers) }, labels = depths.map(\.result.name)
    report.charts = [
      ExperimentSupport.curves(report.settings, title: tr("experiment.curvesTitle")),
      .init(slug: "held-out", kind: .bars, title: tr("depth.barsTitle"), xLabel: tr("axis.layers"), yLabel: tr("word.perplexity"),
            series: [.init(name: tr("depth.heldOutPerplexity"), x: x, y: depths.map(\.heldOut), labels: labels),
                     .init(name: tr("experiment.trainingPerplexity"), x: x, y: depths.map(\.result.trainPerplexity), labels: labels)]),
    ]
    report.samples = samples
    report.csv = Self.csv(depths + (equal.map { [$0.wide] } ?? []))
    report.notes = DepthDiscussion.notes(depths: depths, equal: equal, budget: budget)
    report.wallSeconds = Date().timeIntervalSince(start)
    return Outcome(depths: depths, equalParameters: equal, report: report)
  }

  /// `1 layer`, `3 layers`: a setting's name in tables and legends.
  public static func name(layers: Int) -> String { layers == 1 ? tr("depth.oneLayer") : tr("depth.layers", ["layers": layers]) }

  /// A row per setting: its size, and what it measured.
  public static func table(_ settings: [Setting]) -> ResultTable {
    ResultTable(
      columns: tr("depth.columns").components(separatedBy: "|"),
      rows: settings.map { s in
        [s.result.name, "\(s.layers)", "\(s.hiddenSize)", Num.int(s.parameters), "\(s.result.history.count)",
         ExperimentSupport.fixed(s.result.trainPerplexity, 3), ExperimentSupport.fixed(s.heldOut, 3),
         Num.int(Int(s.result.tokensPerSecond.rounded())), Num.fixed(s.result.wallSeconds, 1)]
      })
  }

  /// The CSV rows: every setting's raw numbers, with its layers and parameters.
  public static func csv(_ settings: [Setting]) -> ResultTable {
    ResultTable(
      columns: ["setting", "cell", "layers", "hidden", "parameters", "epochs", "train_perplexity", "heldout_perplexity",
                "tokens_per_second", "train_seconds", "wall_seconds", "stopped_by_time_limit"],
      rows: settings.map { s in
        [s.result.name, s.result.cell.rawValue, "\(s.layers)", "\(s.hiddenSize)", "\(s.parameters)", "\(s.result.history.count)",
         "\(s.result.trainPerplexity)", "\(s.heldOut)", "\(s.result.tokensPerSecond)", "\(s.result.trainSeconds)",
         "\(s.result.wallSeconds)", "\(s.result.stoppedByTimeLimit)"]
      })
  }

  // MARK: - Parameter counts

  /// The parameters of one-hot(V) → `numLayers` × `hiddenSize` recurrent layers of `cell`
  /// (G = 1, 3, 4 gate blocks) → Linear(V): layer 1 has G·h·(V + h + 2) (its two weight
  /// matrices and PyTorch's two biases), every further layer G·h·(h + h + 2), and the output
  /// layer h·V + V.
  public static func parameterCount(cell: CellKind, vocabSize V: Int, hiddenSize h: Int, numLayers L: Int) -> Int {
    let G = cell.gateCount
    return G * h * (V + h + 2) + (L - 1) * G * h * (2 * h + 2) + h * V + V
  }

  /// The width whose `layers`-layer model has the parameter count closest to `target`.
  public static func hiddenSize(matching target: Int, layers: Int, cell: CellKind, vocabSize: Int) -> Int {
    var best = 1
    for h in 1...4096 {
      let count = parameterCount(cell: cell, vocabSize: vocabSize, hiddenSize: h, numLayers: layers)
      let bestCount = parameterCount(cell: cell, vocabSize: vocabSize, hiddenSize: best, numLayers: layers)
      if abs(count - target) < abs(bestCount - target) { best = h }
      if count > target { break }
    }
    return best
  }
}

// MARK: - The command's `--json`

/// What `lessons experiment deep-rnn:depth --json` prints: a row per depth, and the equal-parameter pair.
public struct DepthSummary: Codable, Equatable {
  public struct Setting: Codable, Equatable {
    var layers: Int
    var hidden: Int
    var parameters: Int
    var trainPerplexity: Double
    var heldoutPerplexity: Double
    var tokensPerSec: Double
    var seconds: Double

    enum CodingKeys: String, CodingKey {
      case layers, hidden, parameters, seconds
      case trainPerplexity = "train_perplexity"
      case heldoutPerplexity = "heldout_perplexity"
      case tokensPerSec = "tokens_per_sec"
    }

    init(_ s: DepthExperiment.Setting) {
      layers = s.layers
      hidden = s.hiddenSize
      parameters = s.parameters
      trainPerplexity = s.result.trainPerplexity
      heldoutPerplexity = s.heldOut
      tokensPerSec = s.result.tokensPerSecond
      seconds = s.result.wallSeconds
    }
  }

  public var settings: [Setting]
  /// The deepest stack, then one layer with as many parameters.
  public var equalParameters: [Setting]

  public enum CodingKeys: String, CodingKey {
    case settings
    case equalParameters = "equal_parameters"
  }

  public init(_ outcome: DepthExperiment.Outcome) {
    settings = outcome.depths.map(Setting.init)
    equalParameters = outcome.equalParameters.map { [Setting($0.deep), Setting($0.wide)] } ?? []
  }

  /// Pretty-printed JSON; a diverged perplexity (not finite) is spelled `"nan"`/`"inf"`.
  public func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }
}
