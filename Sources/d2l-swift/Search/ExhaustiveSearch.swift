
extension NextTokenModel {
  /// Exhaustive search: every output of at most `settings.maxLength` tokens that ends with
  /// <eos> (or runs to the maximum length), scored by (1/L^α) log P; the best is returned
  /// (equal scores: the first in token order). Refused when |𝒴|^T′ is past
  /// `SearchLimits.maximumSequences`.
  public func exhaustiveSearch(from start: SearchState, settings: SearchSettings) throws -> SearchResult {
    try settings.validate()
    var count = 1
    for _ in 0..<settings.maxLength {
      let (product, overflow) = count.multipliedReportingOverflow(by: vocabularySize)
      guard !overflow, product <= SearchLimits.maximumSequences else {
        throw SearchError.tooManySequences(vocabularySize: vocabularySize, maxLength: settings.maxLength,
                                           limit: SearchLimits.maximumSequences)
      }
      count = product
    }
    var complete: [Hypothesis<SearchState>] = [], steps = 0
    // Depth first: each prefix's log-probabilities are asked once, for all of its extensions.
    func extend(_ h: Hypothesis<SearchState>) {
      let row = logProbabilities(in: h.state)
      for (token, logP) in row.enumerated() {
        let tokens = h.tokens + [token], ended = token == settings.eos
        let sum = h.logProbability + logP
        if ended || tokens.count == settings.maxLength {
          complete.append(Hypothesis(tokens: tokens, logProbability: sum, finished: ended, state: h.state))
        } else {
          steps += 1
          extend(Hypothesis(tokens: tokens, logProbability: sum, finished: false,
                            state: state(after: token, in: h.state)))
        }
      }
    }
    extend(Hypothesis(tokens: [], logProbability: 0, finished: false, state: start))
    return best(complete, alpha: settings.alpha)!.result(alpha: settings.alpha, modelSteps: steps)
  }
}
