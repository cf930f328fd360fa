/// One minibatch of a language-model corpus: inputs X and targets Y, both shaped
/// (batchSize, numSteps) and stored row-major like D2L's `X`; Y is X shifted by one token.
public struct SequenceBatch: Sendable, Equatable {
  /// Token indices X, row-major (batchSize, numSteps).
  public var inputs: [Int32]
  /// Token indices Y, row-major (batchSize, numSteps): each input's next token.
  public var targets: [Int32]
  /// The number of rows (subsequences).
  public let batchSize: Int
  /// The number of time steps per row.
  public let numSteps: Int

  /// A batch from row-major inputs and targets of `batchSize * numSteps` tokens each.
  public init(inputs: [Int32], targets: [Int32], batchSize: Int, numSteps: Int) {
    check(inputs.count == batchSize * numSteps && targets.count == batchSize * numSteps,
                 "a batch needs batchSize * numSteps = \(batchSize * numSteps) inputs and targets")
    self.inputs = inputs
    self.targets = targets
    self.batchSize = batchSize
    self.numSteps = numSteps
  }

  /// The input token of `row` at time `step`.
  public func input(row: Int, step: Int) -> Int32 { inputs[row * numSteps + step] }

  /// The target token of `row` at time `step`.
  public func target(row: Int, step: Int) -> Int32 { targets[row * numSteps + step] }

  /// The inputs time-major, (numSteps, batchSize): D2L's `X.T`, what the RNN consumes.
  public var timeMajorInputs: [Int32] { Self.transpose(inputs, rows: batchSize, columns: numSteps) }

  /// The targets time-major, (numSteps, batchSize): D2L's `Y.T.reshape(-1)` in `train_epoch_ch8`.
  public var timeMajorTargets: [Int32] { Self.transpose(targets, rows: batchSize, columns: numSteps) }

  private static func transpose(_ values: [Int32], rows: Int, columns: Int) -> [Int32] {
    var result = [Int32](repeating: 0, count: values.count)
    for row in 0..<rows {
      for column in 0..<columns { result[column * rows + row] = values[row * columns + column] }
    }
    return result
  }
}
