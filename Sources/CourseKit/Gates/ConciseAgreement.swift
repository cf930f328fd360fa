import D2L

/// What a section's "the concise layer agrees" step compares on: the first minibatch of the
/// book, and the largest difference between two runs' values.
public enum ConciseAgreement {
  /// The first minibatch of *The Time Machine* as D2L's loader cuts it (4 sequences of 35
  /// characters), one-hot over `vocab`: X (T, B, V) = (35, 4, V).
  /// - Throws: when the corpus cannot be read.
  public static func bookMinibatch(vocab: Vocab) throws -> Tensor {
    let (corpus, _) = try loadCorpusTimeMachine(maxTokens: 10_000)
    var batches = SeqDataLoader(corpus: corpus, batchSize: 4, numSteps: 35).batches(forEpoch: 0)
    let batch = batches.next()!
    return Tensor.oneHot(batch.timeMajorInputs.map(Int.init), shape: [35, 4], depth: vocab.count)
  }

  /// The largest |a − b| over the two tensors' values, in storage order (0 when empty).
  public static func largestDifference(_ a: Tensor, _ b: Tensor) -> Float {
    zip(a.scalars, b.scalars).map { abs($0 - $1) }.max() ?? 0
  }
}
