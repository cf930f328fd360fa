import D2L
import LessonEngine

/// The book's toy encoder: vocabulary 10, embeddings of 8, 16 hidden units, 2 GRU layers, a
/// minibatch of 4 sequences of 7 zeros; its outputs and its state, as shapes.
public enum S2SEncoderStep: LessonStep {
  public static let id = "s2s-encoder"
  public static var summary: String { tr("encoder.summary") }
  public static let parameters = ToySizes.parameters

  public typealias Input = StepValues

  /// The encoder and its input, for the decoder step.
  public struct Output {
    public let encoder: Seq2SeqEncoder
    public let X: TokenSequences

    public init(encoder: Seq2SeqEncoder, X: TokenSequences) { (self.encoder, self.X) = (encoder, X) }
  }

  public static func run(_ values: StepValues, _ out: StepOutput) -> Output {
    let s = ToySizes(values)
    var g = RandomGenerator(seed: 0)
    // ANCHOR: s2s-encoder
    let encoder = Seq2SeqEncoder(
      vocabSize: s.vocabSize, embedSize: s.embedSize, hiddenSize: s.numHiddens,
        numLayers: s.numLayers, using: &g)
    encoder.isTraining = false
    let X = TokenSequences(Array(repeating: 0, count: s.batch * s.steps),
      batch: s.batch, steps: s.steps)
    // time first
    let embedded = encoder.embedding(X.timeMajor, shape: [s.steps, s.batch])
    let encoded = encoder(X)
    let (outputs, state) = (encoded.outputs, encoded.state)
    // ANCHOR_END: s2s-encoder
    let (b, t, h) = (tr("axis.batch"), tr("axis.steps"), tr("axis.hidden"))
    out.shape("X", [X.batch, X.steps], [b, t], note: tr("encoder.tokens"))
    out.shape("embedding(X)", embedded.shape, [t, b, tr("axis.embed")], note: tr("encoder.embedded"))
    out.shape("outputs", outputs.shape, [t, b, h], note: tr("encoder.outputs"))
    out.shape("state", state.hidden.shape, [tr("axis.layers"), b, h], note: tr("encoder.state"))
    out.say()
    out.say("  " + tr("encoder.parameters"))
    for (name, tensor) in encoder.namedParameters { out.say("    \(name) \(Tensor.describe(tensor.shape))") }
    return Output(encoder: encoder, X: X)
  }
}

/// The book's toy decoder on the encoder's state: the context repeated over the steps and
/// concatenated to the embedded inputs, the scores and the new state, as shapes.
public enum S2SDecoderStep: LessonStep {
  public static let id = "s2s-decoder"
  public static var summary: String { tr("decoder.summary") }
  public static let parameters = ToySizes.parameters
  public static let requires = [S2SEncoderStep.id]

  public struct Input {
    public var sizes: ToySizes
    public var toy: S2SEncoderStep.Output
  }

  public typealias Output = Void

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    Input(sizes: ToySizes(values), toy: try results.output(of: S2SEncoderStep.self))
  }

  public static func run(_ input: Input, _ out: StepOutput) {
    let (s, encoder, X) = (input.sizes, input.toy.encoder, input.toy.X)
    var g = RandomGenerator(seed: 1)
    // ANCHOR: s2s-decoder
    let decoder = Seq2SeqDecoder(
      vocabSize: s.vocabSize, embedSize: s.embedSize, hiddenSize: s.numHiddens,
        numLayers: s.numLayers, using: &g)
    decoder.isTraining = false
    let state = decoder.initState(encoder(X))  // the encoder's final state
    let top = state.hidden[s.numLayers - 1]  // the encoder's top layer
    let context = top.repeatedAlongNewLeadingAxis(s.steps)  // at every step
    let (output, newState) = decoder(X, state: state)
    // ANCHOR_END: s2s-decoder
    let (b, t, h) = (tr("axis.batch"), tr("axis.steps"), tr("axis.hidden"))
    out.shape("state = initState(encoder(X))", state.hidden.shape, [tr("axis.layers"), b, h])
    out.shape("context", context.shape, [t, b, h], note: tr("decoder.context"))
    out.shape("[embedding(X), context]", [s.steps, s.batch, decoder.rnn.inputSize], [t, b, tr("axis.embed") + " + " + tr("axis.hidden")],
              note: "\(s.embedSize) + \(s.numHiddens): " + tr("decoder.reads"))
    out.shape("output", output.shape, [b, t, tr("axis.vocab")], note: tr("decoder.output"))
    out.shape("state", newState.hidden.shape, [tr("axis.layers"), b, h], note: tr("decoder.state"))
  }
}

/// The toy sizes both shape steps take.
public struct ToySizes {
  public var vocabSize, embedSize, numHiddens, numLayers, batch, steps: Int

  public static let parameters: [StepParameter] = [
    .integer("vocabSize", 1...1000, tr("help.vocabSize")), .integer("embedSize", 1...256, tr("help.embedSize")),
    .integer("numHiddens", 1...256, tr("help.numHiddens")), .integer("numLayers", 1...4, tr("help.numLayers")),
    .integer("batch", 1...64, tr("help.batch")), .integer("steps", 1...50, tr("help.steps")),
  ]

  public init(_ values: StepValues) {
    (vocabSize, embedSize, numHiddens) = (values.int("vocabSize"), values.int("embedSize"), values.int("numHiddens"))
    (numLayers, batch, steps) = (values.int("numLayers"), values.int("batch"), values.int("steps"))
  }
}
