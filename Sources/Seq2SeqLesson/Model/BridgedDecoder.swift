import D2L

/// The book's decoder under an encoder of another size (exercise 3): a dense layer with tanh
/// maps the encoder's top layer after the last step, (batch, encoder hidden), to a first state
/// for every decoder layer, (layers, batch, hidden). The decoder then runs as the book's, its
/// context being the top layer of that state.
public final class BridgedDecoder: SequenceDecoder {
  public let decoder: Seq2SeqDecoder
  public let bridge: Linear

  public init(_ decoder: Seq2SeqDecoder, encoderHiddens: Int, using g: inout RandomGenerator) {
    self.decoder = decoder
    bridge = Linear(inputSize: encoderHiddens, outputSize: decoder.rnn.numLayers * decoder.rnn.hiddenSize, using: &g)
  }

  public var isTraining: Bool {
    get { decoder.isTraining }
    set { decoder.isTraining = newValue }
  }

  /// tanh(W h_T + b), cut into one (batch, hidden) state per decoder layer.
  public func initState(_ encoderOutput: Seq2SeqEncoder.Output, validLengths: [Int32]?) -> RecurrentState {
    let hidden = encoderOutput.state.hidden
    let top = hidden[hidden.shape[0] - 1]  // (batch, encoder hidden)
    let (layers, size) = (decoder.rnn.numLayers, decoder.rnn.hiddenSize)
    let start = bridge(top).tanh().reshaped([top.shape[0], layers, size]).swappingLeadingAxes()  // (layers, batch, hidden)
    let cell = decoder.rnn.kind == .lstm ? Tensor.zeros(start.shape) : nil
    return RecurrentState(hidden: start, cell: cell)
  }

  public func callAsFunction(_ input: TokenSequences, state: RecurrentState) -> (output: Tensor, state: RecurrentState) {
    decoder(input, state: state)
  }

  public var namedParameters: [(name: String, tensor: Tensor)] {
    decoder.namedParameters + bridge.namedParameters.map { ("bridge." + $0.name, $0.tensor) }
  }
}
