/// The input of the first layer: dense vectors, or token indices standing for one-hot vectors.
///
/// A one-hot row times W_ihᵀ is just a column of W_ih, so token input skips both the (T·B, V)
/// one-hot matrix and its GEMM: the input projection becomes a gather, its gradient a scatter.
public enum RecurrentInput {
  /// (T, B, I)
  case dense(Tensor)
  /// T·B indices, time-major (index t·B + b), each below `vocabSize`.
  case tokens([Int32], vocabSize: Int)

  /// The dense input, if it is one.
  var dense: Tensor? {
    if case .dense(let x) = self { return x }
    return nil
  }

  /// The same sequence read from its last step to its first: what a bidirectional layer's
  /// reverse direction runs on.
  func reversedSteps(batch: Int) -> RecurrentInput {
    switch self {
    case .dense(let x): .dense(x.reversedSteps())
    case .tokens(let ids, let vocabSize):
      .tokens(stride(from: ids.count - batch, through: 0, by: -batch).flatMap { ids[$0..<($0 + batch)] }, vocabSize: vocabSize)
    }
  }
}
