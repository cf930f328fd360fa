import Foundation

/// D2L's *The Time Machine* helpers (`d2l.read_time_machine`, `load_corpus_time_machine`,
/// `load_data_time_machine`), reading `timemachine.txt` through a `DataLocator`.

/// The preprocessed lines of *The Time Machine*, as D2L's `read_time_machine()`.
/// - Throws: the locator's errors, or `DataError` for an empty or binary file.
public func readTimeMachine(locator: DataLocator = DataLocator()) throws -> [String] {
  let bytes = try TextFile.readBytes(at: try locator.locate(.timeMachine))
  return bytes.withUnsafeBufferPointer { preprocessLines($0) }
}

/// The character corpus of *The Time Machine* and its 28-token vocabulary, as D2L's
/// `load_corpus_time_machine(max_tokens)`: the vocabulary is built from all 170,580
/// character tokens, then the corpus is cut to the first `maxTokens` when `maxTokens > 0`.
public func loadCorpusTimeMachine(
  maxTokens: Int = -1, locator: DataLocator = DataLocator()
) throws -> (corpus: [Int], vocab: Vocab) {
  let corpus = try CharCorpus(contentsOf: try locator.locate(.timeMachine), maxTokens: maxTokens)
  return (corpus.tokens, corpus.vocab)
}

/// A minibatch loader over *The Time Machine* and its vocabulary, as D2L's
/// `load_data_time_machine(batch_size, num_steps, use_random_iter, max_tokens)`.
public func loadDataTimeMachine(
  batchSize: Int, numSteps: Int, useRandomIter: Bool = false, maxTokens: Int = 10_000,
  seed: UInt64 = 0, locator: DataLocator = DataLocator()
) throws -> (loader: SeqDataLoader, vocab: Vocab) {
  let (corpus, vocab) = try loadCorpusTimeMachine(maxTokens: maxTokens, locator: locator)
  let loader = SeqDataLoader(
    corpus: corpus, batchSize: batchSize, numSteps: numSteps, useRandomIter: useRandomIter, seed: seed)
  return (loader, vocab)
}

extension Vocab {
  /// D2L's character vocabulary of *The Time Machine*, in index order: `<unk>`, space, then
  /// the letters by frequency. Verified against the real corpus by `DataTests`; for
  /// checkpoints that carry no vocabulary, when `timemachine.txt` may be absent.
  public static let timeMachineCharacters: [String] = [
    "<unk>", " ", "e", "t", "a", "i", "n", "o", "s", "h", "r", "d", "l", "m",
    "u", "c", "f", "w", "g", "y", "p", "b", "v", "k", "x", "z", "j", "q",
  ]

  /// The vocabulary `loadCorpusTimeMachine` builds, without reading the corpus
  /// (no token frequencies).
  public static let timeMachine: Vocab = try! Vocab(idxToToken: timeMachineCharacters)
}
