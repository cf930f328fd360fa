import LessonEngine
import D2L

/// What every setting of one experiment gets, so that the settings differ only in the thing
/// the experiment varies (the cell, the books, the authors): the same model sizes, the same
/// optimiser, the same number of epochs, the same seed.
public struct ExperimentBudget: Codable, Equatable {
  public var cell: CellKind = .lstm
  public var numLayers = 2
  public var hiddenSize = 256
  public var epochs = 10
  public var learningRate: Float = 2
  /// Learning rates for particular cells (by `CellKind.rawValue`), instead of `learningRate`.
  /// The vanilla RNN diverges at the chapter's 2 (2 layers × 256 on The Time Machine: its
  /// perplexity passed 1000 by epoch 4), and trains steadily at 1; the gated cells need the 2.
  public var learningRates: [String: Float] = [CellKind.rnn.rawValue: 1]
  public var clipNorm: Float = 1
  public var batchSize = 32
  public var numSteps = 35
  /// Training tokens: per setting or per book; see each experiment.
  public var trainTokens = 50_000
  /// Tokens held out at the end of every book, never trained on.
  public var heldOutTokens = 5_000
  /// Wall-clock seconds per setting, checked after each epoch (0: no limit, train every epoch).
  public var secondsPerSetting: Double = 0
  /// Train every setting on as many minibatches as the first (fewer epochs for
  /// more books), so that the settings differ only in how much distinct text they see.
  public var sameUpdates = false
  public var seed: UInt64 = 0

  /// The defaults above; set fields one by one.
  public init() {}

  /// The library's training configuration for one setting trained with `cell`.
  public func configuration(cell: CellKind? = nil) -> TrainingConfiguration {
    var c = TrainingConfiguration()
    c.cell = cell ?? self.cell
    c.numLayers = numLayers
    c.hiddenSize = hiddenSize
    c.epochs = epochs
    c.learningRate = learningRate(for: c.cell)
    c.clipNorm = clipNorm
    c.batchSize = batchSize
    c.numSteps = numSteps
    // Sequential minibatches, as the chapter trains: the state carries across a book's text.
    c.useRandomIter = false
    c.maxTokens = trainTokens
    c.seed = seed
    return c
  }

  public func learningRate(for cell: CellKind) -> Float { learningRates[cell.rawValue] ?? learningRate }

  /// One line for the transcript: the sizes every setting shares.
  public var summary: String {
    let exceptions = learningRates.sorted { $0.key < $1.key }.map { "\($0.key.uppercased()) \(Num.compact($0.value))" }
    var text = tr("budget.summary", [
      "layers": numLayers, "hidden": hiddenSize, "epochs": Num.int(epochs) + " " + tr(epochs == 1 ? "word.epoch" : "word.epochs"), "batch": batchSize, "steps": numSteps,
      "lr": Num.compact(learningRate) + (exceptions.isEmpty ? "" : " (" + exceptions.joined(separator: ", ") + ")"),
      "clip": Num.compact(clipNorm), "seed": seed,
    ])
    if secondsPerSetting > 0 { text += tr("budget.seconds", ["seconds": Int(secondsPerSetting)]) }
    return text
  }

  /// `2`, `0.5`: a Float without a trailing `.0`.
  public static func number(_ v: Float) -> String { v == v.rounded() ? String(Int(v)) : "\(v)" }
}
