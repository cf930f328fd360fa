import Foundation

extension LanguageModel {
  /// D2L's `predict_ch8`: warm the state up on `prefix`, then append `count` greedy (argmax)
  /// predictions. Characters not in the vocabulary read as `<unk>`.
  public func predict(prefix: String, count: Int, vocab: Vocab) -> String {
    check(!prefix.isEmpty, "predict: the prefix must not be empty")
    return withoutGradients {
      var state = beginState(batchSize: 1)
      var outputs = [vocab[String(prefix.first!)]]
      func step(_ token: Int) -> Tensor {
        let (logits, next) = self.logits(timeMajorTokens: [Int32(token)], steps: 1, batch: 1, state: state)
        state = next
        return logits
      }
      for ch in prefix.dropFirst() {  // warm-up
        _ = step(outputs.last!)
        outputs.append(vocab[String(ch)])
      }
      for _ in 0..<count {
        outputs.append(step(outputs.last!).argmax()[0])
      }
      return outputs.map { vocab.idxToToken[$0] }.joined()
    }
  }
}

extension RNNModel {
  /// The perplexity of one continuous token sequence from a zero state: token t+1 is predicted
  /// from tokens up to t, so n tokens give n - 1 predictions. Runs in chunks of `chunkSteps`,
  /// carrying the state, so memory stays bounded for long texts.
  ///
  /// A bidirectional model reads the whole text in one pass, as PyTorch does: its reverse
  /// direction starts from the text's end, so chunks would change what it sees (and its
  /// buffers grow with the text's length).
  public func perplexity<S: Sequence>(ofChunks chunks: S, chunkSteps: Int = 4096) -> (perplexity: Double, predictions: Int)
  where S.Element == [Int32] {
    if bidirectional {
      let whole = Array(chunks.joined())
      return chunkedPerplexity([whole], chunkSteps: max(whole.count, 1))
    }
    return chunkedPerplexity(chunks, chunkSteps: chunkSteps)
  }

  private func chunkedPerplexity<S: Sequence>(_ chunks: S, chunkSteps: Int) -> (perplexity: Double, predictions: Int)
  where S.Element == [Int32] {
    withoutGradients {
      var state = beginState(batchSize: 1)
      var total: Double = 0, predictions = 0
      var previous: Int32?
      for chunk in chunks {
        var tokens = chunk
        if let previous { tokens.insert(previous, at: 0) }
        guard tokens.count >= 2 else { previous = tokens.last; continue }
        var start = 0
        while start < tokens.count - 1 {
          let end = min(start + chunkSteps, tokens.count - 1)
          let input = Array(tokens[start..<end]), target = Array(tokens[(start + 1)...end])
          let (logits, next) = self(timeMajorTokens: input, steps: input.count, batch: 1, state: state)
          state = next
          total += Double(logits.softmaxCrossEntropy(targets: target).scalar) * Double(input.count)
          predictions += input.count
          start = end
        }
        previous = tokens.last
      }
      return (Foundation.exp(total / Double(max(predictions, 1))), predictions)
    }
  }
}
