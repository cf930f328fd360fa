/// D2L's `Seq2SeqEncoder`: an embedding, then a multi-layer recurrent network (a GRU in the
/// book) over the source, from a zero state. Parameters `embedding.weight` and `rnn.*`.
public final class Seq2SeqEncoder: SequenceEncoder {
  public let embedding: Embedding
  public let rnn: RecurrentLayer

  /// What the encoder returns: every step's top-layer outputs (steps, batch, hidden) and the
  /// final state (layers, batch, hidden) of every layer.
  public struct Output {
    public var outputs: Tensor
    public var state: RecurrentState
  }

  public init(
    vocabSize: Int, embedSize: Int, hiddenSize: Int, numLayers: Int, dropout: Float = 0, cell: CellKind = .gru,
    using generator: inout RandomGenerator
  ) {
    embedding = Embedding(vocabSize: vocabSize, embedSize: embedSize, using: &generator)
    rnn = RecurrentLayer(kind: cell, inputSize: embedSize, hiddenSize: hiddenSize, numLayers: numLayers, dropout: dropout,
                         using: &generator)
  }

  public var isTraining: Bool {
    get { rnn.isTraining }
    set { rnn.isTraining = newValue }
  }

  /// Embeds (batch, steps) tokens time-major, as the book's `permute(1, 0, 2)`, and runs the
  /// recurrent network from zeros.
  public func callAsFunction(_ source: TokenSequences, validLengths: [Int32]? = nil) -> Output {
    let x = PhaseClock.measure("embedding") { embedding(source.timeMajor, shape: [source.steps, source.batch]) }
    let (outputs, state) = rnn(x)
    return Output(outputs: outputs, state: state)
  }

  public var namedParameters: [(name: String, tensor: Tensor)] {
    embedding.namedParameters.map { ("embedding." + $0.name, $0.tensor) } + rnn.namedParameters.map { ("rnn." + $0.name, $0.tensor) }
  }
}
