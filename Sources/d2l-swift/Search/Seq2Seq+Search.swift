/// The translation model's decoder as a search's model: the state is the decoder's recurrent
/// state after the target tokens so far, with its log-probabilities for the next one.
extension Seq2SeqDecoder: NextTokenModel {
  public struct SearchState {
    public var recurrent: RecurrentState
    /// log P(next target token | source, target tokens so far), (V).
    public var logProbabilities: [Double]
  }

  public var vocabularySize: Int { vocabSize }

  public func logProbabilities(in state: SearchState) -> [Double] { state.logProbabilities }

  /// One decoder step on `token`, as `predict` takes it (the book's context: the top layer of
  /// the state given). Log-softmax in Double, so that the argmax is the logits' own.
  public func state(after token: Int, in state: SearchState) -> SearchState {
    withoutGradients {
      let (logits, next) = step([Int32(token)], state: state.recurrent)
      return SearchState(recurrent: next, logProbabilities: .logSoftmax(logits.scalars))
    }
  }
}

extension EncoderDecoder where E == Seq2SeqEncoder, D == Seq2SeqDecoder {
  /// The state a search of `sentence`'s translation starts from: the sentence encoded as
  /// `predict` encodes it (lower-cased, split at spaces, `<eos>`, truncated or padded to
  /// `numSteps`), and the decoder after reading `<bos>`. Call it with `isTraining` false.
  public func searchStart(_ sentence: String, sourceVocab: Vocab, targetVocab: Vocab, numSteps: Int) -> Seq2SeqDecoder.SearchState {
    let words = sentence.lowercased().unicodeScalars.split(separator: " ", omittingEmptySubsequences: false).map { String($0) }
    let source = truncatePad(sourceVocab.indices(of: words) + [sourceVocab["<eos>"]], numSteps: numSteps,
                             paddingToken: sourceVocab["<pad>"])
    return withoutGradients {
      let initial = decoder.initState(encoder(TokenSequences(rows: [source]), validLengths: nil), validLengths: nil)
      return decoder.state(after: targetVocab["<bos>"], in: .init(recurrent: initial, logProbabilities: []))
    }
  }

  /// `sentence` translated by `search` (greedy, beam, exhaustive) in evaluation mode, at most
  /// `numSteps` tokens, ending at `<eos>`: the translation's tokens without `<eos>`, joined by
  /// spaces as `predict` joins them, and the search's result.
  public func translate(
    _ sentence: String, sourceVocab: Vocab, targetVocab: Vocab, numSteps: Int,
    search: (Seq2SeqDecoder, Seq2SeqDecoder.SearchState, SearchSettings) throws -> SearchResult
  ) rethrows -> (translation: String, tokens: [Int], result: SearchResult) {
    let wasTraining = isTraining
    isTraining = false
    defer { isTraining = wasTraining }
    let start = searchStart(sentence, sourceVocab: sourceVocab, targetVocab: targetVocab, numSteps: numSteps)
    let eos = targetVocab["<eos>"]
    let result = try search(decoder, start, SearchSettings(maxLength: numSteps, eos: eos))
    let tokens = result.finished ? Array(result.tokens.dropLast()) : result.tokens
    return (targetVocab.tokens(for: tokens).joined(separator: " "), tokens, result)
  }
}
