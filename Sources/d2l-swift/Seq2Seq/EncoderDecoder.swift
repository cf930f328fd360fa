/// D2L's encoder–decoder interface (`d2l.Encoder`, `d2l.Decoder`, `d2l.EncoderDecoder`): an
/// encoder turns a source sequence into some output; the decoder makes its first state from
/// that output and then reads target-side tokens from a state. (`SequenceEncoder` and
/// `SequenceDecoder` here: Swift's own `Encoder` and `Decoder` are Codable's.)

/// Reads source sequences (D2L's `Encoder.forward(X, *args)`).
public protocol SequenceEncoder: Module {
  associatedtype Output
  /// Training mode (dropout on) or evaluation mode.
  var isTraining: Bool { get set }
  /// Encodes (batch, steps) source tokens; `validLengths` are the rows' unpadded lengths, for
  /// encoders that use them (the RNN encoder does not).
  func callAsFunction(_ source: TokenSequences, validLengths: [Int32]?) -> Output
}

/// Produces target-side outputs from a state (D2L's `Decoder.init_state` and `forward`).
public protocol SequenceDecoder: Module {
  associatedtype EncoderOutput
  associatedtype State
  var isTraining: Bool { get set }
  /// The decoder's first state, from what the encoder produced.
  func initState(_ encoderOutput: EncoderOutput, validLengths: [Int32]?) -> State
  /// Outputs for (batch, steps) input tokens from `state`, and the state after them.
  func callAsFunction(_ input: TokenSequences, state: State) -> (output: Tensor, state: State)
}

/// An encoder and a decoder trained together (D2L's `EncoderDecoder`): parameters named
/// `encoder.*` and `decoder.*`, as in the book's PyTorch `state_dict`.
public final class EncoderDecoder<E: SequenceEncoder, D: SequenceDecoder>: Module where D.EncoderOutput == E.Output {
  public let encoder: E
  public let decoder: D

  public init(encoder: E, decoder: D) {
    self.encoder = encoder
    self.decoder = decoder
  }

  /// D2L's `forward(enc_X, dec_X, *args)`: encode, make the decoder's state, decode.
  public func callAsFunction(
    _ source: TokenSequences, _ target: TokenSequences, sourceValidLengths: [Int32]? = nil
  ) -> (output: Tensor, state: D.State) {
    let encoded = encoder(source, validLengths: sourceValidLengths)
    return decoder(target, state: decoder.initState(encoded, validLengths: sourceValidLengths))
  }

  /// Training mode (PyTorch's `train()`) or evaluation mode (`eval()`), for both halves.
  public var isTraining: Bool {
    get { encoder.isTraining }
    set { encoder.isTraining = newValue; decoder.isTraining = newValue }
  }

  public var namedParameters: [(name: String, tensor: Tensor)] {
    encoder.namedParameters.map { ("encoder." + $0.name, $0.tensor) } + decoder.namedParameters.map { ("decoder." + $0.name, $0.tensor) }
  }
}
