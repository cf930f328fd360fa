/// The character language model as a search's model: the state is the recurrent state after
/// the text read so far, with the model's log-probabilities for the next character.
extension RNNModel: NextTokenModel {
  public struct SearchState {
    public var recurrent: RecurrentState
    /// log P(next character | text so far), (V).
    public var logProbabilities: [Double]
  }

  public var vocabularySize: Int { vocabSize }

  /// The state after warming up on `prefix` (characters not in the vocabulary read as <unk>),
  /// as `predict` does: the search continues the prefix.
  public func searchStart(prefix: String, vocab: Vocab) -> SearchState {
    check(!prefix.isEmpty, "searchStart: the prefix must not be empty")
    return withoutGradients {
      let tokens = prefix.map { Int32(vocab[String($0)]) }
      let (logits, state) = self(timeMajorTokens: tokens, steps: tokens.count, batch: 1, state: beginState(batchSize: 1))
      let last = logits.scalars[(tokens.count - 1) * vocabSize..<tokens.count * vocabSize]
      return SearchState(recurrent: state, logProbabilities: .logSoftmax(last))
    }
  }

  public func logProbabilities(in state: SearchState) -> [Double] { state.logProbabilities }

  public func state(after token: Int, in state: SearchState) -> SearchState {
    withoutGradients {
      let (logits, next) = self(timeMajorTokens: [Int32(token)], steps: 1, batch: 1, state: state.recurrent)
      return SearchState(recurrent: next, logProbabilities: .logSoftmax(logits.scalars))
    }
  }

  /// `predict`'s text with any search: the prefix, then `count` characters chosen by
  /// `search` (greedy, beam) from the state after the prefix.
  public func continuation(
    of prefix: String, count: Int, vocab: Vocab,
    search: (RNNModel, SearchState, SearchSettings) throws -> SearchResult
  ) throws -> (text: String, result: SearchResult) {
    let result = try search(self, searchStart(prefix: prefix, vocab: vocab), SearchSettings(maxLength: count))
    return (prefix + result.tokens.map { vocab.idxToToken[$0] }.joined(), result)
  }
}
