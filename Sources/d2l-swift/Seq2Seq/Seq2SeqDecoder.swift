/// D2L's `Seq2SeqDecoder`: its state starts as the encoder's final state; at every step it
/// reads the embedded input token together with the context, the top layer's state it was
/// given (`state[-1]`), and a `Linear` maps its top layer's outputs to the target vocabulary.
/// Parameters `embedding.weight`, `rnn.*` (inputs embed + hidden wide) and `dense.*`.
public final class Seq2SeqDecoder: SequenceDecoder {
  public let embedding: Embedding
  public let rnn: RecurrentLayer
  public let dense: Linear

  public init(
    vocabSize: Int, embedSize: Int, hiddenSize: Int, numLayers: Int, dropout: Float = 0, cell: CellKind = .gru,
    using generator: inout RandomGenerator
  ) {
    embedding = Embedding(vocabSize: vocabSize, embedSize: embedSize, using: &generator)
    rnn = RecurrentLayer(kind: cell, inputSize: embedSize + hiddenSize, hiddenSize: hiddenSize, numLayers: numLayers,
                         dropout: dropout, using: &generator)
    dense = Linear(inputSize: hiddenSize, outputSize: vocabSize, using: &generator)
  }

  public var vocabSize: Int { dense.weight.shape[0] }

  public var isTraining: Bool {
    get { rnn.isTraining }
    set { rnn.isTraining = newValue }
  }

  /// The encoder's final state (`enc_outputs[1]`).
  public func initState(_ encoderOutput: Seq2SeqEncoder.Output, validLengths: [Int32]? = nil) -> RecurrentState {
    encoderOutput.state
  }

  /// Logits (batch, steps, vocab) for (batch, steps) input tokens, and the state after them.
  /// The context is the top layer of the state given, the same at every step of this call: in
  /// training the encoder's; in prediction, one step at a time, the decoder's own latest.
  public func callAsFunction(_ input: TokenSequences, state: RecurrentState) -> (output: Tensor, state: RecurrentState) {
    let (T, B) = (input.steps, input.batch)
    let x = PhaseClock.measure("embedding and context") {
      let embedded = embedding(input.timeMajor, shape: [T, B])
      let context = state.hidden[rnn.numLayers * rnn.directions.count - 1]
      return Tensor.concatenate([embedded, context.repeatedAlongNewLeadingAxis(T)], alongAxis: 2)
    }
    let (outputs, newState) = rnn(x, state: state)
    let logits = PhaseClock.measure("output layer") { dense(outputs.swappingLeadingAxes()) }
    return (logits, newState)
  }

  /// One step of decoding: logits (batch, vocab) of the token after `tokens` (one per row),
  /// given `state`, and the next state. Greedy, exhaustive and beam search all run on this.
  public func step(_ tokens: [Int32], state: RecurrentState) -> (logits: Tensor, state: RecurrentState) {
    let (y, next) = self(TokenSequences(tokens, batch: tokens.count, steps: 1), state: state)
    return (y.reshaped([tokens.count, vocabSize]), next)
  }

  /// One step of decoding as log-probabilities (batch, vocab): log softmax of `step`'s logits.
  public func logProbabilities(after tokens: [Int32], state: RecurrentState) -> (logProbabilities: Tensor, state: RecurrentState) {
    let (logits, next) = withoutGradients { step(tokens, state: state) }
    return (logits.logSoftmax(), next)
  }

  public var namedParameters: [(name: String, tensor: Tensor)] {
    embedding.namedParameters.map { ("embedding." + $0.name, $0.tensor) } + rnn.namedParameters.map { ("rnn." + $0.name, $0.tensor) }
      + dense.namedParameters.map { ("dense." + $0.name, $0.tensor) }
  }
}

/// The book's model: a `Seq2SeqEncoder` and a `Seq2SeqDecoder`.
public typealias Seq2Seq = EncoderDecoder<Seq2SeqEncoder, Seq2SeqDecoder>

extension EncoderDecoder where E == Seq2SeqEncoder, D == Seq2SeqDecoder {
  /// The book's encoder and decoder of the same sizes, freshly initialised (PyTorch's defaults;
  /// `Seq2SeqTrainer` then applies the book's Xavier initialisation).
  public convenience init(
    sourceVocabSize: Int, targetVocabSize: Int, embedSize: Int, hiddenSize: Int, numLayers: Int, dropout: Float = 0,
    cell: CellKind = .gru, using generator: inout RandomGenerator
  ) {
    self.init(
      encoder: Seq2SeqEncoder(vocabSize: sourceVocabSize, embedSize: embedSize, hiddenSize: hiddenSize, numLayers: numLayers,
                              dropout: dropout, cell: cell, using: &generator),
      decoder: Seq2SeqDecoder(vocabSize: targetVocabSize, embedSize: embedSize, hiddenSize: hiddenSize, numLayers: numLayers,
                              dropout: dropout, cell: cell, using: &generator))
  }
}
