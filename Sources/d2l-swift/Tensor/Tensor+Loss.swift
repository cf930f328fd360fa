import Foundation

/// The fused, numerically stable softmax cross-entropy: D2L's `nn.CrossEntropyLoss()`.
extension Tensor {
  /// The mean over rows of -log softmax(logits)[target], for logits of shape (N, V) and N
  /// target classes. Computed with the log-sum-exp shift, so large logits do not overflow;
  /// the gradient is (softmax - onehot(target)) / N, in one pass.
  public func softmaxCrossEntropy(targets: [Int]) -> Tensor {
    check(rank == 2, "softmaxCrossEntropy: logits must be (N, V), shape is \(Tensor.describe(shape))")
    let (n, v) = (shape[0], shape[1])
    check(targets.count == n, "softmaxCrossEntropy: logits \(Tensor.describe(shape)) need \(n) targets, got \(targets.count)")
    let probabilities = TensorStorage(count: count)
    var total: Double = 0
    let x = storage.base, p = probabilities.base
    for r in 0..<n {
      let target = targets[r]
      check(target >= 0 && target < v, "softmaxCrossEntropy: target \(target) is outside 0..<\(v)")
      let row = x + r * v
      total += Double(Tensor.softmax(row, into: p + r * v, count: v) - row[target])
    }
    let out = TensorStorage(count: 1)
    out.base[0] = Float(total / Double(n))
    return Tensor.result("softmaxCrossEntropy", shape: [], storage: out, operands: [self]) { g in
      let scale = g.base[0] / Float(n)
      let p = probabilities.base  // the closure must own the buffer, not a pointer into it
      let d = TensorStorage(count: n * v)
      for r in 0..<n {
        for k in 0..<v { d.base[r * v + k] = p[r * v + k] * scale }
        d.base[r * v + targets[r]] -= scale
      }
      node?.accumulate(handingOver: d)
    }
  }
}

extension Tensor {
  /// The softmax of one row of `v` logits into `probabilities`, shifted by the row's largest
  /// logit so that large logits do not overflow. Returns log Σ exp(row): a target's
  /// cross-entropy is that minus its logit.
  @inline(__always)
  static func softmax(_ row: UnsafePointer<Float>, into probabilities: UnsafeMutablePointer<Float>, count v: Int) -> Float {
    var maxLogit = row[0]
    for k in 1..<v where row[k] > maxLogit { maxLogit = row[k] }
    var sum: Float = 0
    for k in 0..<v { let e = Foundation.exp(row[k] - maxLogit); probabilities[k] = e; sum += e }
    let inv = 1 / sum
    for k in 0..<v { probabilities[k] *= inv }
    return Foundation.log(sum) + maxLogit
  }
}
