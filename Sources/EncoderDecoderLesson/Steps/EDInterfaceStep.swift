import D2L
import LessonEngine

/// The interface run once at the book's toy sizes: a small model that keeps it (an averaging
/// encoder under a one-layer GRU decoder), the three calls one by one with the shape of what
/// crosses each, and `EncoderDecoder` doing the same in one call.
public enum EDInterfaceStep: LessonStep {
  public static let id = "ed-interface"
  public static var summary: String { tr("interface.summary") }
  public static let parameters: [StepParameter] = [
    .integer("vocabSize", 4...1000, tr("help.vocabSize")), .integer("embedSize", 1...256, tr("help.embedSize")),
    .integer("numHiddens", 1...256, tr("help.numHiddens")), .integer("batch", 1...16, tr("help.batch")),
    .integer("steps", 1...20, tr("help.steps")), .integer("seed", 0...1_000_000, tr("help.seed")),
  ]

  public typealias Input = StepValues

  /// The model and its toy source minibatch, for the generation step.
  public struct Output {
    public let model: EncoderDecoder<MeanEncoder, StateDecoder>
    public let X: TokenSequences
    public let validLength: [Int32]

    public init(model: EncoderDecoder<MeanEncoder, StateDecoder>, X: TokenSequences, validLength: [Int32]) {
      (self.model, self.X, self.validLength) = (model, X, validLength)
    }
  }

  public static func run(_ values: StepValues, _ out: StepOutput) -> Output {
    let (vocabSize, embedSize, numHiddens) = (values.int("vocabSize"), values.int("embedSize"), values.int("numHiddens"))
    let (batch, steps) = (values.int("batch"), values.int("steps"))
    var g = RandomGenerator(seed: UInt64(values.int("seed")))
    // ANCHOR: ed-interface
    let encoder = MeanEncoder(vocabSize: vocabSize, embedSize: embedSize,
      numHiddens: numHiddens, using: &g)
    let decoder = StateDecoder(vocabSize: vocabSize, embedSize: embedSize,
      numHiddens: numHiddens, using: &g)
    let X = TokenSequences(
      (0..<(batch * steps)).map { _ in Int32(g.nextInt(below: vocabSize)) },
        batch: batch, steps: steps)
    // 7, 5, 3, 1 tokens
    let validLength = (0..<batch).map { Int32(max(1, steps - 2 * $0)) }
    let summary = encoder(X, validLengths: validLength)  // 1. encode the source
    // 2. the decoder's state
    let state = decoder.initState(summary, validLengths: validLength)
    // 3. decode (here X stands in for the target)
    let (Y, finalState) = decoder(X, state: state)
    let model = EncoderDecoder(encoder: encoder, decoder: decoder)
    // the three calls in one
    let (sameY, _) = model(X, X, sourceValidLengths: validLength)
    // ANCHOR_END: ed-interface
    let (b, s) = (tr("axis.batch"), tr("axis.steps"))
    out.shape("X", [X.batch, X.steps], [b, s], note: tr("interface.tokens"))
    out.say("  validLength: \(validLength)")
    out.shape("1. encoder(X)", summary.shape, [b, tr("axis.hidden")], note: tr("interface.summary1"))
    out.shape("2. initState", state.hidden.shape, [tr("axis.layers"), b, tr("axis.hidden")], note: tr("interface.state"))
    out.shape("3. decoder(X, state)", Y.shape, [b, s, tr("axis.vocab")], note: tr("interface.scores"))
    out.shape("   state", finalState.hidden.shape, [tr("axis.layers"), b, tr("axis.hidden")], note: tr("interface.after"))
    let difference = zip(Y.scalars, sameY.scalars).map { abs($0 - $1) }.max() ?? 0
    out.say("  " + tr("interface.same", ["difference": String(format: "%.1e", Double(difference))]))
    return Output(model: model, X: X, validLength: validLength)
  }
}
