import D2L
import ExerciseChecks

/// What a learner's answer to seq2seq's exercise 2 (the book's `sequence_mask` and
/// `MaskedSoftmaxCELoss`, written with tensor operations) must offer so that `MaskedLossCheck`
/// can verify it.
///
/// For a minibatch of n sequences padded to T steps, with valid lengths v_i:
///
///     mask[i, t]  = 1 if t < v_i else 0                        (t counted from 0)
///     ℓ_i         = (1/T) Σ_t mask[i, t] · (-log softmax(pred[i, t])[label[i, t]])
public protocol MaskedLossExercise {
  /// `X` (n, T, …) with every entry at a step t ≥ `validLength[i]` of row i replaced by
  /// `value`; the entries within the valid length unchanged.
  static func sequenceMask(_ X: Tensor, validLength: [Int], value: Float) -> Tensor

  /// The book's masked softmax cross-entropy: `pred` (n, T, V) scores, `labels` the n·T target
  /// indices row by row, → (n): each sequence's loss, padding masked out, averaged over all T
  /// steps. Its gradient must reach `pred`.
  static func loss(_ pred: Tensor, labels: [Int], validLength: [Int]) -> Tensor
}
