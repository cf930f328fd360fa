/// A character-level language model as D2L's `train_ch8` and `predict_ch8` see one: the
/// concise `RNNModel` and the scratch `ScratchLanguageModel` alike (D2L's `RNNModel` and
/// `RNNModelScratch`).
public protocol LanguageModel: Module {
  var vocabSize: Int { get }
  /// A zero state for `batchSize` sequences (D2L's `begin_state`).
  func beginState(batchSize: Int) -> RecurrentState
  /// Logits (T·B, V) for T·B time-major tokens (index t·B + b), and the state after the last
  /// step.
  func logits(timeMajorTokens tokens: [Int32], steps: Int, batch: Int, state: RecurrentState?)
    -> (logits: Tensor, state: RecurrentState)
}

extension RNNModel: LanguageModel {
  public func logits(timeMajorTokens tokens: [Int32], steps: Int, batch: Int, state: RecurrentState?)
    -> (logits: Tensor, state: RecurrentState)
  {
    self(timeMajorTokens: tokens, steps: steps, batch: batch, state: state)
  }
}
