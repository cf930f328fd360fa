// seq2seq, exercise 2: the book's sequence mask and masked softmax cross-entropy, from tensor
// operations. `lessons check seq2seq:2` compares both with their definitions;
// `lessons hint seq2seq:2` helps, `lessons reset seq2seq:2` starts over.
import D2L
import Seq2SeqChecks

public enum MaskedLoss: MaskedLossExercise {
  /// X (n, T, …) with the entries at steps t ≥ validLength[i] of row i replaced by `value`.
  public static func sequenceMask(_ X: Tensor, validLength: [Int], value: Float) -> Tensor {
    // TODO: a (n, T, …) tensor of 1 within each row's valid length and 0 after it, then
    // keep X where it is 1 and put `value` where it is 0.
    X
  }

  /// pred (n, T, V), labels n·T indices, → (n): masked cross-entropies averaged over T.
  public static func loss(_ pred: Tensor, labels: [Int], validLength: [Int]) -> Tensor {
    // TODO: log softmax of pred along its last axis; pick each label's value (Tensor.oneHot);
    // multiply the cross-entropies by the mask (sequenceMask of ones); average over the steps.
    Tensor.zeros([pred.shape[0]])
  }
}
