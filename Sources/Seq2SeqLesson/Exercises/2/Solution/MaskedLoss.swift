// seq2seq, exercise 2: the book's sequence mask and masked softmax cross-entropy, from tensor
// operations. `lessons check seq2seq:2` compares both with their definitions.
import D2L
import Seq2SeqChecks

public enum MaskedLoss: MaskedLossExercise {
  /// X (n, T, …) with the entries at steps t ≥ validLength[i] of row i replaced by `value`.
  public static func sequenceMask(_ X: Tensor, validLength: [Int], value: Float) -> Tensor {
    let (batch, steps) = (X.shape[0], X.shape[1])
    let inner = X.count / (batch * steps)
    var keep = [Float](repeating: 0, count: X.count)
    for i in 0..<batch {
      for t in 0..<min(validLength[i], steps) {
        for k in 0..<inner { keep[(i * steps + t) * inner + k] = 1 }
      }
    }
    let mask = Tensor(shape: X.shape, keep)
    return X * mask + (Tensor.ones(X.shape) - mask) * value
  }

  /// pred (n, T, V), labels n·T indices, → (n): masked cross-entropies averaged over T.
  public static func loss(_ pred: Tensor, labels: [Int], validLength: [Int]) -> Tensor {
    let (batch, steps, vocab) = (pred.shape[0], pred.shape[1], pred.shape[2])
    let weights = sequenceMask(Tensor.ones([batch, steps]), validLength: validLength, value: 0)
    // log softmax, shifted by each row's largest score so that exp cannot overflow
    let shift = Tensor(shape: [batch, steps, 1], (0..<(batch * steps)).map { r in
      pred.scalars[(r * vocab)..<((r + 1) * vocab)].max()!
    })
    let shifted = pred - shift
    let logProbabilities = shifted - shifted.exp().sum(alongAxis: 2, keepingAxis: true).log()
    let picked = (logProbabilities * Tensor.oneHot(labels, shape: [batch, steps], depth: vocab))
      .sum(alongAxis: 2)  // (n, T): log p of each label
    return (-picked * weights).mean(alongAxis: 1)
  }
}
