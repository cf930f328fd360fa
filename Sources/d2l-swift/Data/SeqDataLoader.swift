import Foundation

/// Minibatches of (inputs, targets) over a token corpus, as D2L's `SeqDataLoader`: random
/// sampling (`seq_data_iter_random`) or sequential partitioning (`seq_data_iter_sequential`).
///
/// Every `for batch in loader` is one epoch. Epoch e draws its offset and order from a
/// generator seeded by (seed, e), so epochs differ while a whole run is reproducible from
/// `seed`. Copies of a loader share its epoch count.
///
///     let loader = SeqDataLoader(corpus: corpus, batchSize: 32, numSteps: 35)
///     for epoch in 0..<500 { for batch in loader { train(batch) } }
public struct SeqDataLoader: Sequence, Sendable {
  /// Rows per batch.
  public let batchSize: Int
  /// Time steps per row.
  public let numSteps: Int
  /// Random sampling when true, sequential partitioning when false.
  public let useRandomIter: Bool
  /// The seed every epoch's generator derives from.
  public let seed: UInt64
  /// The corpus as token indices.
  public let corpus: [Int32]
  private let epochCounter = EpochCounter()

  /// A loader over `corpus`.
  /// - Parameters:
  ///   - corpus: token indices, in text order.
  ///   - batchSize: rows per batch (> 0).
  ///   - numSteps: time steps per row (> 0).
  ///   - useRandomIter: random sampling instead of sequential partitioning.
  ///   - seed: makes every epoch's offset and order reproducible.
  public init(corpus: [Int], batchSize: Int, numSteps: Int, useRandomIter: Bool = false, seed: UInt64 = 0) {
    check(batchSize > 0 && numSteps > 0, "batchSize and numSteps must be positive")
    self.corpus = corpus.map { Int32($0) }
    self.batchSize = batchSize
    self.numSteps = numSteps
    self.useRandomIter = useRandomIter
    self.seed = seed
  }

  /// The number of batches every epoch yields at least (for the largest random offset);
  /// an epoch with a smaller offset may yield one more, see `Iterator.numBatches`.
  public var numBatches: Int {
    if useRandomIter {
      return RandomSamplingPlan.subsequenceCount(
        corpusCount: corpus.count, offset: numSteps - 1, numSteps: numSteps) / batchSize
    }
    return SequentialSamplingPlan.rowLength(
      corpusCount: corpus.count, offset: numSteps, batchSize: batchSize) / numSteps
  }

  /// The batches of the next epoch (0, 1, 2, ... in call order).
  public func makeIterator() -> Iterator { batches(forEpoch: epochCounter.next()) }

  /// The batches of epoch `epoch`, the same whenever asked; does not advance the epoch count.
  public func batches(forEpoch epoch: Int) -> Iterator {
    // The generator's SplitMix seeding spreads neighbouring seeds apart.
    var generator = RandomGenerator(seed: seed ^ (UInt64(truncatingIfNeeded: epoch) &* 0x9E37_79B9_7F4A_7C15))
    return Iterator(loader: self, generator: &generator)
  }

  /// One epoch of batches.
  public struct Iterator: IteratorProtocol, Sendable {
    private enum Plan: Sendable {
      case random(RandomSamplingPlan)
      case sequential(SequentialSamplingPlan)
    }
    private let corpus: [Int32]
    private let batchSize: Int
    private let numSteps: Int
    private let plan: Plan
    private var nextIndex = 0

    /// The number of batches in this epoch.
    public let numBatches: Int
    /// The tokens dropped from the corpus start this epoch (D2L's random offset).
    public var offset: Int {
      switch plan {
      case .random(let plan): return plan.offset
      case .sequential(let plan): return plan.offset
      }
    }

    fileprivate init(loader: SeqDataLoader, generator: inout RandomGenerator) {
      corpus = loader.corpus
      batchSize = loader.batchSize
      numSteps = loader.numSteps
      if loader.useRandomIter {
        let plan = RandomSamplingPlan(
          corpusCount: corpus.count, batchSize: batchSize, numSteps: numSteps, generator: &generator)
        self.plan = .random(plan)
        numBatches = plan.numBatches
      } else {
        let plan = SequentialSamplingPlan(
          corpusCount: corpus.count, batchSize: batchSize, numSteps: numSteps, generator: &generator)
        self.plan = .sequential(plan)
        numBatches = plan.numBatches
      }
    }

    /// The next batch, or nil after `numBatches` batches.
    public mutating func next() -> SequenceBatch? {
      guard nextIndex < numBatches else { return nil }
      defer { nextIndex += 1 }
      switch plan {
      case .random(let plan):
        return plan.batch(nextIndex, corpus: corpus, batchSize: batchSize, numSteps: numSteps)
      case .sequential(let plan):
        return plan.batch(nextIndex, corpus: corpus, batchSize: batchSize, numSteps: numSteps)
      }
    }
  }
}

/// The next epoch number, shared by copies of a loader; locked so loaders can cross threads.
private final class EpochCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0

  func next() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value - 1
  }
}
