/// D2L's `predict_seq2seq`: greedy translation of one sentence.
extension EncoderDecoder where E == Seq2SeqEncoder, D == Seq2SeqDecoder {
  /// The greedy translation of `sentence` and its target token indices (without `<eos>`), as
  /// the book computes it: in evaluation mode; the sentence lower-cased and split at single
  /// spaces, `<eos>` appended, truncated or padded to `numSteps`; then from `<bos>`, at most
  /// `numSteps` steps, each feeding back the most likely token, stopping at `<eos>`. The
  /// sentence is expected preprocessed as the data is (`preprocessNMT`: "go ." not "Go.").
  public func predict(
    _ sentence: String, sourceVocab: Vocab, targetVocab: Vocab, numSteps: Int
  ) -> (translation: String, tokens: [Int]) {
    let wasTraining = isTraining
    isTraining = false
    defer { isTraining = wasTraining }
    let words = sentence.lowercased().unicodeScalars.split(separator: " ", omittingEmptySubsequences: false).map { String($0) }
    let source = truncatePad(sourceVocab.indices(of: words) + [sourceVocab["<eos>"]], numSteps: numSteps,
                             paddingToken: sourceVocab["<pad>"])
    let eos = targetVocab["<eos>"]
    return withoutGradients {
      var state = decoder.initState(encoder(TokenSequences(rows: [source]), validLengths: nil), validLengths: nil)
      var token = Int32(targetVocab["<bos>"])
      var output: [Int] = []
      for _ in 0..<numSteps {
        let (logits, next) = decoder.step([token], state: state)
        state = next
        let best = logits.argmax()[0]
        if best == eos { break }
        output.append(best)
        token = Int32(best)
      }
      return (targetVocab.tokens(for: output).joined(separator: " "), output)
    }
  }
}
