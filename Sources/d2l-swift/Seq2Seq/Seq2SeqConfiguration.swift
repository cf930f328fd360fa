/// The settings of a seq2seq training run; the defaults are the book's run (D2L 0.17,
/// `sec_seq2seq`): `load_data_nmt(64, 10)` on 600 examples, embed 32, hidden 32, a 2-layer GRU
/// with dropout 0.1, Adam at 0.005, clipping at 1, 300 epochs.
public struct Seq2SeqConfiguration: Codable, Equatable, Sendable {
  public var cell: CellKind = .gru
  public var embedSize = 32
  public var hiddenSize = 32
  public var numLayers = 2
  public var dropout: Float = 0.1
  public var batchSize = 64
  public var numSteps = 10
  /// `load_data_nmt`'s `num_examples` (the book's loader then reads one more line).
  public var numExamples = 600
  public var learningRate: Float = 0.005
  public var clipNorm: Float = 1
  public var epochs = 300
  /// Seeds the initial weights, the dropout masks and every epoch's order.
  public var seed: UInt64 = 0

  public init() {}
}

/// What one epoch of seq2seq training measured (the book's printed figures).
public struct Seq2SeqEpochReport: Codable, Equatable, Sendable {
  /// 1-based.
  public var epoch: Int
  /// Σ per-sequence losses / Σ valid target tokens (the book's `metric[0] / metric[1]`).
  public var loss: Double
  /// Valid target tokens per second (the book's `metric[1] / timer.stop()`).
  public var tokensPerSecond: Double
  public var seconds: Double
  /// Valid target tokens of the epoch.
  public var tokens: Int
}
