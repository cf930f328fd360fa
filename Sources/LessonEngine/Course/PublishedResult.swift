/// What the book reports for a lesson's training run: the end point a training chart draws
/// beside the learner's curve, and the speed a lesson may compare with. A lesson that has none
/// draws no reference.
public struct PublishedResult: Sendable, Equatable {
  /// Who reports it (`D2L`); the chart's legend adds the perplexity (`D2L 1.0`).
  public var source: String
  /// The final training perplexity reported.
  public var perplexity: Double
  /// The reported training speed, in tokens per second (nil when not reported).
  public var tokensPerSecond: Double?
  /// The epochs of the reported run.
  public var epochs: Int?

  public init(source: String, perplexity: Double, tokensPerSecond: Double? = nil, epochs: Int? = nil) {
    self.source = source
    self.perplexity = perplexity
    self.tokensPerSecond = tokensPerSecond
    self.epochs = epochs
  }
}
