/// What every search is told: how long an output may grow (T′), which token ends it, and the
/// length penalty α of the final score (1/L^α) log P.
public struct SearchSettings: Sendable, Equatable {
  /// T′: the most tokens a search appends (the <eos> included).
  public var maxLength: Int
  /// The end-of-sequence token: a hypothesis that predicts it is finished. `nil` for a model
  /// without one (the character language model), whose outputs all have `maxLength` tokens.
  public var eos: Int?
  /// α in (1/L^α) log P; the book's default is 0.75, and 0 ranks by log P alone.
  public var alpha: Double

  /// The book's default length penalty, α = 0.75.
  public static let defaultAlpha = 0.75

  public init(maxLength: Int, eos: Int? = nil, alpha: Double = SearchSettings.defaultAlpha) {
    self.maxLength = maxLength
    self.eos = eos
    self.alpha = alpha
  }

  /// Refuses settings no search can honour, with the reason.
  public func validate() throws {
    guard maxLength >= 1 else { throw SearchError.maxLength(maxLength) }
    guard alpha >= 0, alpha.isFinite else { throw SearchError.negativeAlpha(alpha) }
  }
}
