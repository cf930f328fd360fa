import Foundation

/// Masking by valid lengths: D2L's `sequence_mask` and `MaskedSoftmaxCELoss`, for padded rows
/// of sequences shaped (batch, steps, …).
extension Tensor {
  /// D2L's `sequence_mask(X, valid_len, value)`: in row b of (batch, steps, …), every entry at
  /// a step t ≥ validLengths[b] becomes `value`. No gradient flows to the masked entries.
  public func sequenceMask(validLengths: [Int32], value: Float = 0) -> Tensor {
    check(rank >= 2 && validLengths.count == shape[0],
          "sequenceMask: \(validLengths.count) valid lengths for shape \(Tensor.describe(shape)) (needs (batch, steps, …) with one per row)")
    let (steps, inner) = (shape[1], count / max(shape[0] * shape[1], 1))
    func kept(_ b: Int) -> Int { min(max(Int(validLengths[b]), 0), steps) * inner }
    let out = TensorStorage(uninitializedCount: count)
    for b in 0..<shape[0] {
      let row = b * steps * inner, n = kept(b)
      (out.base + row).initialize(from: storage.base + row, count: n)
      (out.base + row + n).initialize(repeating: value, count: steps * inner - n)
    }
    return Tensor.result("sequenceMask", shape: shape, storage: out, operands: [self]) { g in
      let d = TensorStorage(count: count)
      for b in 0..<shape[0] { (d.base + b * steps * inner).update(from: g.base + b * steps * inner, count: kept(b)) }
      node?.accumulate(handingOver: d)
    }
  }

  /// How `maskedSoftmaxCrossEntropy` turns a row's masked token losses into one number.
  public enum MaskedLossReduction: String, Sendable, CaseIterable {
    /// The book's: the mean over all `steps` positions, padding counted as zeros
    /// (`(unweighted_loss * weights).mean(dim=1)`).
    case mean
    /// The sum over the row's valid positions.
    case sum
  }

  /// D2L's `MaskedSoftmaxCELoss()(pred, label, valid_len)` for logits (batch, steps, vocab):
  /// each row's cross-entropy at its valid steps (t < validLengths[b]), reduced per row as
  /// `reduction` says (the book: the mean over all steps). Returns (batch). Fused: the
  /// log-sum-exp shift for large logits, and the gradient (softmax − onehot) × weight in one pass.
  public func maskedSoftmaxCrossEntropy(
    labels: [Int32], validLengths: [Int32], reduction: MaskedLossReduction = .mean
  ) -> Tensor {
    check(rank == 3, "maskedSoftmaxCrossEntropy: logits must be (batch, steps, vocab), shape is \(Tensor.describe(shape))")
    let (batch, steps, v) = (shape[0], shape[1], shape[2])
    check(labels.count == batch * steps && validLengths.count == batch,
          "maskedSoftmaxCrossEntropy: logits \(Tensor.describe(shape)) need \(batch * steps) labels and \(batch) valid lengths, got \(labels.count) and \(validLengths.count)")
    let weight: Float = reduction == .mean ? 1 / Float(steps) : 1
    let probabilities = TensorStorage(uninitializedCount: count)
    let out = TensorStorage(count: batch)
    let x = storage.base, p = probabilities.base
    for b in 0..<batch {
      let valid = min(max(Int(validLengths[b]), 0), steps)
      var total: Float = 0
      for t in 0..<valid {
        let r = b * steps + t, label = Int(labels[r])
        check(label >= 0 && label < v, "maskedSoftmaxCrossEntropy: label \(label) is outside 0..<\(v)")
        let row = x + r * v
        total += Tensor.softmax(row, into: p + r * v, count: v) - row[label]
      }
      out.base[b] = total * weight
    }
    return Tensor.result("maskedSoftmaxCrossEntropy", shape: [batch], storage: out, operands: [self]) { g in
      let p = probabilities.base  // the closure must own the buffer, not a pointer into it
      let d = TensorStorage(count: count)  // zeros at the masked steps
      for b in 0..<batch {
        let scale = g.base[b] * weight
        for t in 0..<min(max(Int(validLengths[b]), 0), steps) {
          let r = b * steps + t
          for k in 0..<v { d.base[r * v + k] = p[r * v + k] * scale }
          d.base[r * v + Int(labels[r])] -= scale
        }
      }
      node?.accumulate(handingOver: d)
    }
  }
}
