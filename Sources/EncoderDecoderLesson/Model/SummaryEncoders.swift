import D2L

/// An encoder with no recurrence: each source token embedded, the embeddings of the valid
/// tokens averaged, and a dense layer with tanh on the average. Its output, one vector of
/// `numHiddens` per sequence, is what `StateDecoder` starts from.
public final class MeanEncoder: Encoder {
  public let embedding: Embedding
  public let dense: Linear

  public init(vocabSize: Int, embedSize: Int, numHiddens: Int, using g: inout RandomGenerator) {
    embedding = Embedding(vocabSize: vocabSize, embedSize: embedSize, using: &g)
    dense = Linear(inputSize: embedSize, outputSize: numHiddens, using: &g)
  }

  /// (batch, numHiddens): tanh(W · mean of the valid tokens' embeddings + b).
  public func callAsFunction(_ X: TokenBatch, validLength: [Int]?) -> Tensor {
    let embedded = embedding(X)  // (batch, steps, embed)
    let embed = embedded.shape[2]
    let lengths = validLength ?? Array(repeating: X.steps, count: X.batch)
    var weights = [Float](repeating: 0, count: embedded.count)  // 1/length on valid steps
    for i in 0..<X.batch {
      let n = min(max(lengths[i], 1), X.steps)
      for t in 0..<n { for k in 0..<embed { weights[(i * X.steps + t) * embed + k] = 1 / Float(n) } }
    }
    let mean = (embedded * Tensor(shape: embedded.shape, weights)).sum(alongAxis: 1)  // (batch, embed)
    return dense(mean).tanh()
  }

  public var namedParameters: [(name: String, tensor: Tensor)] {
    embedding.namedParameters.map { ("embedding." + $0.name, $0.tensor) } + dense.namedParameters.map { ("dense." + $0.name, $0.tensor) }
  }
}

/// A recurrent encoder whose output is only its last state: an embedding under a one-layer
/// recurrent network, (batch, numHiddens) after the last step. The same output as
/// `MeanEncoder`'s, so the same decoder can sit on either.
public final class LastStateEncoder: Encoder {
  public let embedding: Embedding
  public let rnn: StackedRecurrent

  public init(vocabSize: Int, embedSize: Int, numHiddens: Int, cell: CellKind = .gru, using g: inout RandomGenerator) {
    embedding = Embedding(vocabSize: vocabSize, embedSize: embedSize, using: &g)
    rnn = StackedRecurrent(kind: cell, inputSize: embedSize, hiddenSize: numHiddens, numLayers: 1, dropout: 0, using: &g)
  }

  public func callAsFunction(_ X: TokenBatch, validLength: [Int]?) -> Tensor {
    let (_, state) = rnn(embedding(X).swappingLeadingAxes())
    return state.hidden[0]  // (batch, hidden)
  }

  public var namedParameters: [(name: String, tensor: Tensor)] {
    embedding.namedParameters.map { ("embedding." + $0.name, $0.tensor) } + rnn.namedParameters.map { ("rnn." + $0.name, $0.tensor) }
  }
}

/// A one-layer recurrent decoder that starts from the encoder's summary (batch, numHiddens)
/// and reads only the embedded previous word: the smallest decoder that keeps the interface.
public final class StateDecoder: Decoder {
  public let embedding: Embedding
  public let rnn: StackedRecurrent
  public let dense: Linear

  public init(vocabSize: Int, embedSize: Int, numHiddens: Int, using g: inout RandomGenerator) {
    embedding = Embedding(vocabSize: vocabSize, embedSize: embedSize, using: &g)
    rnn = StackedRecurrent(kind: .gru, inputSize: embedSize, hiddenSize: numHiddens, numLayers: 1, dropout: 0, using: &g)
    dense = Linear(inputSize: numHiddens, outputSize: vocabSize, using: &g)
  }

  /// The summary as the first state of the one layer: (1, batch, numHiddens).
  public func initState(_ summary: Tensor, validLength: [Int]?) -> RecurrentState {
    RecurrentState(hidden: summary.reshaped([1] + summary.shape))
  }

  /// (batch, steps, vocab) scores and the state after the last step.
  public func callAsFunction(_ X: TokenBatch, state: RecurrentState) -> (output: Tensor, state: RecurrentState) {
    let (outputs, newState) = rnn(embedding(X).swappingLeadingAxes(), state: state)
    let (steps, batch, hidden) = (outputs.shape[0], outputs.shape[1], outputs.shape[2])
    let scores = dense(outputs.reshaped([steps * batch, hidden])).reshaped([steps, batch, -1])
    return (scores.swappingLeadingAxes(), newState)
  }

  public var namedParameters: [(name: String, tensor: Tensor)] {
    embedding.namedParameters.map { ("embedding." + $0.name, $0.tensor) } + rnn.namedParameters.map { ("rnn." + $0.name, $0.tensor) }
      + dense.namedParameters.map { ("dense." + $0.name, $0.tensor) }
  }
}
