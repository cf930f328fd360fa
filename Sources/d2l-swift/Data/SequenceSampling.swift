/// D2L's two ways of cutting a corpus into minibatches, as per-epoch plans drawn from a
/// seeded generator. D2L's `random.randint(a, b)` includes both ends; so do these draws.

/// Random sampling, D2L's `seq_data_iter_random`: drop a random 0...numSteps-1 tokens, cut the
/// rest into non-overlapping subsequences of numSteps, shuffle them, and fill each batch with
/// batchSize of them; neighbouring rows of consecutive batches are not adjacent in the text.
struct RandomSamplingPlan: Sendable {
  /// The tokens dropped from the start of the corpus (D2L's `randint(0, num_steps - 1)`).
  let offset: Int
  /// Start positions of the subsequences (relative to `offset`), in shuffled order.
  let starts: [Int]
  let numBatches: Int

  init(corpusCount: Int, batchSize: Int, numSteps: Int, generator: inout RandomGenerator) {
    offset = generator.nextInt(below: numSteps)
    let numSubsequences = Self.subsequenceCount(corpusCount: corpusCount, offset: offset, numSteps: numSteps)
    var starts = Array(stride(from: 0, to: numSubsequences * numSteps, by: numSteps))
    shuffle(&starts, using: &generator)
    self.starts = starts
    numBatches = numSubsequences / batchSize
  }

  /// D2L's `(len(corpus) - 1) // num_steps` after the offset, never negative.
  static func subsequenceCount(corpusCount: Int, offset: Int, numSteps: Int) -> Int {
    max(0, corpusCount - offset - 1) / numSteps
  }

  /// Batch `index`: row r is the subsequence at `starts[index * batchSize + r]`.
  func batch(_ index: Int, corpus: [Int32], batchSize: Int, numSteps: Int) -> SequenceBatch {
    var inputs = [Int32](), targets = [Int32]()
    inputs.reserveCapacity(batchSize * numSteps)
    targets.reserveCapacity(batchSize * numSteps)
    for row in 0..<batchSize {
      let start = offset + starts[index * batchSize + row]
      inputs += corpus[start..<start + numSteps]
      targets += corpus[start + 1..<start + 1 + numSteps]
    }
    return SequenceBatch(inputs: inputs, targets: targets, batchSize: batchSize, numSteps: numSteps)
  }
}

/// Sequential partitioning, D2L's `seq_data_iter_sequential`: drop a random 0...numSteps
/// tokens, lay the rest out as batchSize long rows, and walk them numSteps at a time, so row b
/// of batch i+1 continues row b of batch i (the hidden state can carry over).
struct SequentialSamplingPlan: Sendable {
  /// The tokens dropped from the start of the corpus (D2L's `randint(0, num_steps)`).
  let offset: Int
  /// The length of each of the batchSize rows (D2L's `Xs.shape[1]`).
  let rowLength: Int
  let numBatches: Int

  init(corpusCount: Int, batchSize: Int, numSteps: Int, generator: inout RandomGenerator) {
    offset = generator.nextInt(below: numSteps + 1)
    rowLength = Self.rowLength(corpusCount: corpusCount, offset: offset, batchSize: batchSize)
    numBatches = rowLength / numSteps
  }

  /// D2L's `num_tokens // batch_size` with `num_tokens = ((len - offset - 1) // bs) * bs`.
  static func rowLength(corpusCount: Int, offset: Int, batchSize: Int) -> Int {
    max(0, corpusCount - offset - 1) / batchSize
  }

  /// Batch `index`: `Xs[:, index*numSteps ..< (index+1)*numSteps]`, Y one token later.
  func batch(_ index: Int, corpus: [Int32], batchSize: Int, numSteps: Int) -> SequenceBatch {
    var inputs = [Int32](), targets = [Int32]()
    inputs.reserveCapacity(batchSize * numSteps)
    targets.reserveCapacity(batchSize * numSteps)
    for row in 0..<batchSize {
      let start = offset + row * rowLength + index * numSteps
      inputs += corpus[start..<start + numSteps]
      targets += corpus[start + 1..<start + 1 + numSteps]
    }
    return SequenceBatch(inputs: inputs, targets: targets, batchSize: batchSize, numSteps: numSteps)
  }
}

/// Fisher-Yates with our own generator calls, so an order depends only on the seed and not on
/// the standard library's shuffle algorithm.
func shuffle<T>(_ values: inout [T], using generator: inout RandomGenerator) {
  guard values.count > 1 else { return }
  for i in stride(from: values.count - 1, to: 0, by: -1) {
    values.swapAt(i, generator.nextInt(below: i + 1))
  }
}
