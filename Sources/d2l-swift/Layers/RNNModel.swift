/// D2L's `RNNModel`: one-hot input, a recurrent layer, and a `Linear` from its outputs to the
/// vocabulary. Parameters are named `rnn.*` and `linear.*`, as in D2L's PyTorch `state_dict`.
public final class RNNModel: Module {
  /// The recurrent layer (`self.rnn` in D2L).
  public let rnn: RecurrentLayer
  /// The output layer, hidden -> vocabulary (`self.linear`).
  public let linear: Linear
  public let vocabSize: Int

  /// A model with a fresh `kind` layer of `numLayers` × `hiddenSize` over a `vocabSize` vocabulary.
  /// With `bidirectional`, the output layer reads both directions' 2·hiddenSize units, as D2L's
  /// `RNNModel` does (`nn.Linear(self.num_hiddens * 2, vocab_size)`).
  public init(
    kind: CellKind, vocabSize: Int, hiddenSize: Int, numLayers: Int, bidirectional: Bool = false,
    using generator: inout RandomGenerator
  ) {
    self.vocabSize = vocabSize
    rnn = RecurrentLayer(kind: kind, inputSize: vocabSize, hiddenSize: hiddenSize, numLayers: numLayers,
                         bidirectional: bidirectional, using: &generator)
    linear = Linear(inputSize: rnn.outputSize, outputSize: vocabSize, using: &generator)
  }

  /// A fresh model of the configuration's cell, sizes and directions: the one way a training
  /// set-up builds its model.
  public convenience init(configuration c: TrainingConfiguration, vocabSize: Int, using generator: inout RandomGenerator) {
    self.init(kind: c.cell, vocabSize: vocabSize, hiddenSize: c.hiddenSize, numLayers: c.numLayers,
              bidirectional: c.bidirectional, using: &generator)
  }

  public var kind: CellKind { rnn.kind }
  public var hiddenSize: Int { rnn.hiddenSize }
  public var numLayers: Int { rnn.numLayers }
  public var bidirectional: Bool { rnn.bidirectional }

  public var namedParameters: [(name: String, tensor: Tensor)] {
    rnn.namedParameters.map { ("rnn." + $0.name, $0.tensor) } + linear.namedParameters.map { ("linear." + $0.name, $0.tensor) }
  }

  /// A zero state for `batchSize` sequences (D2L's `begin_state`).
  public func beginState(batchSize: Int) -> RecurrentState { rnn.beginState(batchSize: batchSize) }

  /// Logits (T·B, V) for the batch's inputs, rows time-major as in D2L (the rows of
  /// `Y.T.reshape(-1)`), and the state after the last step.
  public func callAsFunction(
    _ batch: SequenceBatch, state: RecurrentState? = nil,
    observe: ((_ layer: Int, _ outputs: Tensor) -> Void)? = nil
  ) -> (logits: Tensor, state: RecurrentState) {
    self(timeMajorTokens: batch.timeMajorInputs, steps: batch.numSteps, batch: batch.batchSize, state: state, observe: observe)
  }

  /// Logits (T·B, V) for T·B time-major tokens.
  public func callAsFunction(
    timeMajorTokens tokens: [Int32], steps: Int, batch: Int, state: RecurrentState? = nil,
    observe: ((_ layer: Int, _ outputs: Tensor) -> Void)? = nil
  ) -> (logits: Tensor, state: RecurrentState) {
    for t in tokens where t < 0 || Int(t) >= vocabSize {
      fail("RNNModel: token \(t) is outside the vocabulary of \(vocabSize)")
    }
    let (y, newState) = rnn(tokens: tokens, steps: steps, batch: batch, state: state, observe: observe)
    return (PhaseClock.measure("output layer") { linear(y.reshaped([steps * batch, rnn.outputSize])) }, newState)
  }
}

extension Tensor {
  /// `softmaxCrossEntropy(targets:)` for Int32 targets, as batches hold them.
  public func softmaxCrossEntropy(targets: [Int32]) -> Tensor {
    softmaxCrossEntropy(targets: targets.map(Int.init))
  }
}
