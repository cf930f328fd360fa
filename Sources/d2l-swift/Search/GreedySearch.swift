extension NextTokenModel {
  /// Greedy search: at each step the most probable next token (the first of equal ones), until
  /// <eos> or `settings.maxLength` tokens. What `predict` and D2L's `predict_seq2seq` do.
  public func greedySearch(from start: SearchState, settings: SearchSettings) throws -> SearchResult {
    try settings.validate()
    var state = start
    var tokens: [Int] = [], logP = 0.0, steps = 0
    while tokens.count < settings.maxLength {
      let row = logProbabilities(in: state)
      var token = 0
      for v in row.indices where row[v] > row[token] { token = v }
      tokens.append(token)
      logP += row[token]
      if token == settings.eos { break }
      if tokens.count < settings.maxLength {  // the state after the last token is never read
        state = self.state(after: token, in: state)
        steps += 1
      }
    }
    let finished = tokens.last == settings.eos
    return Hypothesis(tokens: tokens, logProbability: logP, finished: finished, state: state)
      .result(alpha: settings.alpha, modelSteps: steps)
  }
}
