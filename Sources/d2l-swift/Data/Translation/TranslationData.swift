/// D2L's `truncate_pad`: the first `numSteps` tokens of `line`, or `line` padded with
/// `paddingToken` up to `numSteps`.
public func truncatePad(_ line: [Int], numSteps: Int, paddingToken: Int) -> [Int] {
  line.count > numSteps ? Array(line.prefix(numSteps)) : line + Array(repeating: paddingToken, count: numSteps - line.count)
}

/// D2L's `build_array_nmt`: each line's indices, then `<eos>`, truncated or padded to
/// `numSteps`; a row's valid length is its number of tokens that are not `<pad>`.
public func buildArrayNMT(_ lines: [[String]], vocab: Vocab, numSteps: Int) -> (array: TokenSequences, validLengths: [Int32]) {
  let (pad, eos) = (vocab["<pad>"], vocab["<eos>"])
  let rows = lines.map { truncatePad(vocab.indices(of: $0) + [eos], numSteps: numSteps, paddingToken: pad) }
  return (TokenSequences(rows: rows), rows.map { Int32($0.count { $0 != pad }) })
}

/// The reserved tokens of D2L's translation vocabularies, after `<unk>`.
public let translationReservedTokens = ["<pad>", "<bos>", "<eos>"]

/// One minibatch of translation pairs, as D2L's `load_data_nmt` yields them: source `X`, its
/// valid lengths, target `Y`, its valid lengths.
public struct TranslationBatch: Sendable, Equatable {
  /// (batch, numSteps)
  public var source: TokenSequences
  /// (batch): tokens of each source row that are not padding.
  public var sourceValidLengths: [Int32]
  /// (batch, numSteps)
  public var target: TokenSequences
  /// (batch): tokens of each target row that are not padding.
  public var targetValidLengths: [Int32]

  public var batchSize: Int { source.batch }
  /// The target tokens that count in the loss: Σ valid lengths (D2L's `num_tokens`).
  public var targetTokens: Int { targetValidLengths.reduce(0) { $0 + Int($1) } }
}

/// D2L's `load_array(..., is_train=True)` over the translation arrays: every epoch the pairs
/// in a new random order, cut into minibatches of `batchSize` (the last one smaller).
/// Epoch e's order comes from a generator seeded by (seed, e), so a run is reproducible.
public struct TranslationDataLoader: Sendable {
  public let source: TokenSequences, sourceValidLengths: [Int32]
  public let target: TokenSequences, targetValidLengths: [Int32]
  public let batchSize: Int
  /// Shuffle every epoch (D2L's training loader); false keeps the pairs in order.
  public let shuffle: Bool
  public let seed: UInt64

  public init(source: TokenSequences, sourceValidLengths: [Int32], target: TokenSequences, targetValidLengths: [Int32],
              batchSize: Int, shuffle: Bool = true, seed: UInt64 = 0) {
    check(batchSize > 0, "TranslationDataLoader: batchSize must be positive, got \(batchSize)")
    check(source.batch == target.batch && sourceValidLengths.count == source.batch && targetValidLengths.count == target.batch,
          "TranslationDataLoader: \(source.batch) sources, \(target.batch) targets, \(sourceValidLengths.count) and \(targetValidLengths.count) valid lengths")
    (self.source, self.sourceValidLengths, self.target, self.targetValidLengths) = (source, sourceValidLengths, target, targetValidLengths)
    (self.batchSize, self.shuffle, self.seed) = (batchSize, shuffle, seed)
  }

  /// The number of pairs.
  public var count: Int { source.batch }
  /// Minibatches per epoch (the last may be smaller).
  public var numBatches: Int { (count + batchSize - 1) / batchSize }

  /// The pairs' order in epoch `epoch`: a seeded Fisher–Yates shuffle, or 0..<count.
  public func order(forEpoch epoch: Int) -> [Int] {
    var order = Array(0..<count)
    guard shuffle else { return order }
    var generator = RandomGenerator(seed: seed ^ (UInt64(truncatingIfNeeded: epoch) &* 0x9E37_79B9_7F4A_7C15))
    for i in stride(from: count - 1, to: 0, by: -1) { order.swapAt(i, generator.nextInt(below: i + 1)) }
    return order
  }

  /// The minibatches of epoch `epoch`, the same whenever asked.
  public func batches(forEpoch epoch: Int) -> [TranslationBatch] {
    let order = order(forEpoch: epoch)
    return stride(from: 0, to: count, by: batchSize).map { start in
      let rows = order[start..<min(start + batchSize, count)]
      func gather(_ s: TokenSequences) -> TokenSequences {
        TokenSequences(rows.flatMap { s.row($0) }, batch: rows.count, steps: s.steps)
      }
      return TranslationBatch(source: gather(source), sourceValidLengths: rows.map { sourceValidLengths[$0] },
                              target: gather(target), targetValidLengths: rows.map { targetValidLengths[$0] })
    }
  }
}

/// What D2L's `load_data_nmt` returns: the minibatches and both vocabularies.
public struct TranslationData: Sendable {
  public let loader: TranslationDataLoader
  public let sourceVocab: Vocab
  public let targetVocab: Vocab
  /// The token lists the arrays were built from.
  public let source: [[String]], target: [[String]]
}

/// D2L's `load_data_nmt(batch_size, num_steps, num_examples=600)`: the first pairs of
/// `fra-eng` preprocessed and tokenized, vocabularies with `min_freq=2` and the reserved
/// tokens `<pad> <bos> <eos>`, the arrays with their valid lengths, and a shuffling loader.
/// - Throws: the locator's errors when `fra-eng/fra.txt` cannot be found.
public func loadDataNMT(
  batchSize: Int, numSteps: Int, numExamples: Int = 600, shuffle: Bool = true, seed: UInt64 = 0,
  locator: DataLocator = DataLocator()
) throws -> TranslationData {
  // tokenize_nmt reads lines 0…numExamples; nothing after them matters.
  let text = preprocessNMT(try readDataNMT(lines: numExamples > 0 ? numExamples + 1 : nil, locator: locator))
  let (source, target) = tokenizeNMT(text, numExamples: numExamples)
  let sourceVocab = Vocab(lines: source, minFreq: 2, reservedTokens: translationReservedTokens)
  let targetVocab = Vocab(lines: target, minFreq: 2, reservedTokens: translationReservedTokens)
  let (x, xValid) = buildArrayNMT(source, vocab: sourceVocab, numSteps: numSteps)
  let (y, yValid) = buildArrayNMT(target, vocab: targetVocab, numSteps: numSteps)
  let loader = TranslationDataLoader(source: x, sourceValidLengths: xValid, target: y, targetValidLengths: yValid,
                                     batchSize: batchSize, shuffle: shuffle, seed: seed)
  return TranslationData(loader: loader, sourceVocab: sourceVocab, targetVocab: targetVocab, source: source, target: target)
}
