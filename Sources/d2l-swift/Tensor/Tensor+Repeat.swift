/// Copies of a tensor stacked along a new leading axis: PyTorch's `x.repeat(n, 1, 1)` on a
/// (batch, features) x unsqueezed, as the seq2seq decoder repeats its context for every step.
extension Tensor {
  /// `times` copies of this tensor along a new leading axis: shape (times, …). The gradient is
  /// the sum of the copies' gradients.
  public func repeatedAlongNewLeadingAxis(_ times: Int) -> Tensor {
    check(times >= 0, "repeatedAlongNewLeadingAxis: times must not be negative, got \(times)")
    let out = TensorStorage(uninitializedCount: times * count)
    for t in 0..<times { (out.base + t * count).initialize(from: storage.base, count: count) }
    return Tensor.result("repeat", shape: [times] + shape, storage: out, operands: [self]) { g in
      let d = TensorStorage(count: count)
      for t in 0..<times { Kernels.add(d.base, g.base + t * count, into: d.base, count: count) }
      node?.accumulate(handingOver: d)
    }
  }
}
