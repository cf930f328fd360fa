/// D2L's `RNNModelScratch`: one-hot inputs, a scratch cell stepping through the sequence, and
/// the output layer Y_t = H_t W_hq + b_q, with parameters from N(0, 0.01²) and zero biases.
///
/// Its state is a `RecurrentState` of one layer, (1, B, H), so that the trainer, prediction
/// and the concise model's state read the same.
public final class ScratchLanguageModel<Cell: ScratchCell>: LanguageModel {
  public let cell: Cell
  /// (H, V)
  public let W_hq: Tensor
  /// (V)
  public let b_q: Tensor
  public let vocabSize: Int

  /// The output layer is drawn after the cell's weights, from the same generator, as D2L's
  /// `get_params` does.
  public init(cell: Cell, vocabSize: Int, sigma: Float = 0.01, using generator: inout RandomGenerator) {
    check(cell.numInputs == vocabSize,
          "ScratchLanguageModel: the cell reads \(cell.numInputs) inputs, the vocabulary has \(vocabSize) tokens")
    self.cell = cell
    self.vocabSize = vocabSize
    W_hq = Tensor.normal([cell.numHiddens, vocabSize], std: sigma, using: &generator).requiringGradient()
    b_q = Tensor.zeros([vocabSize]).requiringGradient()
  }

  public var namedParameters: [(name: String, tensor: Tensor)] {
    cell.namedParameters + [("W_hq", W_hq), ("b_q", b_q)]
  }

  public func beginState(batchSize: Int) -> RecurrentState {
    let zero = cell.zeroState(batchSize: batchSize)
    return RecurrentState(hidden: zero.H.reshaped([1, batchSize, cell.numHiddens]),
                          cell: zero.C?.reshaped([1, batchSize, cell.numHiddens]))
  }

  /// Runs the cell over the tokens' one-hot vectors and reads every H_t out at once: one
  /// (T·B, H) · (H, V) product instead of D2L's T of (B, H) · (H, V), the same numbers.
  public func logits(timeMajorTokens tokens: [Int32], steps: Int, batch: Int, state: RecurrentState?)
    -> (logits: Tensor, state: RecurrentState)
  {
    let (outputs, last, _) = run(timeMajorTokens: tokens, steps: steps, batch: batch, state: state)
    let Y = PhaseClock.measure("output layer") {
      Tensor.stack(outputs).reshaped([steps * batch, cell.numHiddens]).matmul(W_hq) + b_q
    }
    let shape = [1, batch, cell.numHiddens]
    return (Y, RecurrentState(hidden: last.H.reshaped(shape), cell: last.C?.reshaped(shape)))
  }

  /// The cell's outputs H_t (B, H), final state and gates for T·B time-major tokens: what the
  /// lessons draw.
  public func run(timeMajorTokens tokens: [Int32], steps: Int, batch: Int, state: RecurrentState?)
    -> (outputs: [Tensor], state: ScratchState, gates: [ScratchGates])
  {
    check(tokens.count == steps * batch, "ScratchLanguageModel: \(tokens.count) tokens do not fill (steps \(steps), batch \(batch))")
    for t in tokens where t < 0 || Int(t) >= vocabSize {
      fail("ScratchLanguageModel: token \(t) is outside the vocabulary of \(vocabSize)")
    }
    let X = Tensor.oneHot(tokens.map(Int.init), shape: [steps, batch], depth: vocabSize)  // (T, B, V)
    let start = state.map { s in
      ScratchState(H: s.hidden.reshaped([batch, cell.numHiddens]), C: s.cell?.reshaped([batch, cell.numHiddens]))
    }
    return PhaseClock.measure("scratch cell") { cell(X, state: start) }
  }
}

extension CellKind {
  /// A scratch language model of this cell (`RNNScratch`, `GRUScratch`, `LSTMScratch`) over
  /// `vocabSize` tokens with D2L's initialisation: what `lessons bench --scratch` and the
  /// lessons' cost comparisons train.
  public func scratchModel(vocabSize: Int, numHiddens: Int, using generator: inout RandomGenerator) -> any LanguageModel {
    switch self {
    case .rnn:
      let cell = RNNScratch(numInputs: vocabSize, numHiddens: numHiddens, using: &generator)
      return ScratchLanguageModel(cell: cell, vocabSize: vocabSize, using: &generator)
    case .gru:
      let cell = GRUScratch(numInputs: vocabSize, numHiddens: numHiddens, using: &generator)
      return ScratchLanguageModel(cell: cell, vocabSize: vocabSize, using: &generator)
    case .lstm:
      let cell = LSTMScratch(numInputs: vocabSize, numHiddens: numHiddens, using: &generator)
      return ScratchLanguageModel(cell: cell, vocabSize: vocabSize, using: &generator)
    }
  }
}
