import D2L

/// An encoder with no recurrence: each source token embedded, the embeddings of the valid
/// tokens averaged, and a dense layer with tanh on the average. Its output, one vector of
/// `numHiddens` per sequence, is what `StateDecoder` starts from.
public final class MeanEncoder: SequenceEncoder {
  public let embedding: Embedding
  public let dense: Linear
  public var isTraining = true  // nothing in it behaves differently in training

  public init(vocabSize: Int, embedSize: Int, numHiddens: Int, using g: inout RandomGenerator) {
    embedding = Embedding(vocabSize: vocabSize, embedSize: embedSize, using: &g)
    dense = Linear(inputSize: embedSize, outputSize: numHiddens, using: &g)
  }

  /// (batch, numHiddens): tanh(W · mean of the valid tokens' embeddings + b).
  public func callAsFunction(_ source: TokenSequences, validLengths: [Int32]?) -> Tensor {
    let (batch, steps) = (source.batch, source.steps)
    let embedded = embedding(source.tokens, shape: [batch, steps])  // (batch, steps, embed)
    let embed = embedded.shape[2]
    let lengths = validLengths.map { $0.map(Int.init) } ?? Array(repeating: steps, count: batch)
    var weights = [Float](repeating: 0, count: embedded.count)  // 1/length on the valid steps
    for i in 0..<batch {
      let n = min(max(lengths[i], 1), steps)
      for t in 0..<n { for k in 0..<embed { weights[(i * steps + t) * embed + k] = 1 / Float(n) } }
    }
    let mean = (embedded * Tensor(shape: embedded.shape, weights)).sum(alongAxis: 1)  // (batch, embed)
    return dense(mean).tanh()
  }

  public var namedParameters: [(name: String, tensor: Tensor)] {
    embedding.namedParameters.map { ("embedding." + $0.name, $0.tensor) } + dense.namedParameters.map { ("dense." + $0.name, $0.tensor) }
  }
}

/// A recurrent encoder whose output is only its top layer's last state, (batch, numHiddens):
/// the same output as `MeanEncoder`'s, so the same decoder can sit on either.
public final class LastStateEncoder: SequenceEncoder {
  public let embedding: Embedding
  public let rnn: RecurrentLayer

  public init(vocabSize: Int, embedSize: Int, numHiddens: Int, numLayers: Int = 1, cell: CellKind = .gru,
              using g: inout RandomGenerator) {
    embedding = Embedding(vocabSize: vocabSize, embedSize: embedSize, using: &g)
    rnn = RecurrentLayer(kind: cell, inputSize: embedSize, hiddenSize: numHiddens, numLayers: numLayers, using: &g)
  }

  public var isTraining: Bool {
    get { rnn.isTraining }
    set { rnn.isTraining = newValue }
  }

  public func callAsFunction(_ source: TokenSequences, validLengths: [Int32]?) -> Tensor {
    let (_, state) = rnn(embedding(source.timeMajor, shape: [source.steps, source.batch]))
    return state.hidden[rnn.numLayers - 1]  // (batch, hidden)
  }

  public var namedParameters: [(name: String, tensor: Tensor)] {
    embedding.namedParameters.map { ("embedding." + $0.name, $0.tensor) } + rnn.namedParameters.map { ("rnn." + $0.name, $0.tensor) }
  }
}

/// A one-layer GRU decoder that starts from the encoder's summary (batch, numHiddens) and reads
/// only the embedded previous word: the smallest decoder that keeps the interface.
public final class StateDecoder: SequenceDecoder {
  public let embedding: Embedding
  public let rnn: RecurrentLayer
  public let dense: Linear

  public init(vocabSize: Int, embedSize: Int, numHiddens: Int, using g: inout RandomGenerator) {
    embedding = Embedding(vocabSize: vocabSize, embedSize: embedSize, using: &g)
    rnn = RecurrentLayer(kind: .gru, inputSize: embedSize, hiddenSize: numHiddens, using: &g)
    dense = Linear(inputSize: numHiddens, outputSize: vocabSize, using: &g)
  }

  public var isTraining: Bool {
    get { rnn.isTraining }
    set { rnn.isTraining = newValue }
  }

  /// The summary as the first state of the one layer: (1, batch, numHiddens).
  public func initState(_ summary: Tensor, validLengths: [Int32]?) -> RecurrentState {
    RecurrentState(hidden: summary.reshaped([1] + summary.shape))
  }

  /// (batch, steps, vocab) scores and the state after the last step.
  public func callAsFunction(_ input: TokenSequences, state: RecurrentState) -> (output: Tensor, state: RecurrentState) {
    let (outputs, newState) = rnn(embedding(input.timeMajor, shape: [input.steps, input.batch]), state: state)
    return (dense(outputs.swappingLeadingAxes()), newState)
  }

  public var namedParameters: [(name: String, tensor: Tensor)] {
    embedding.namedParameters.map { ("embedding." + $0.name, $0.tensor) } + rnn.namedParameters.map { ("rnn." + $0.name, $0.tensor) }
      + dense.namedParameters.map { ("dense." + $0.name, $0.tensor) }
  }
}
