/// Dropout (Srivastava et al.), as PyTorch's `F.dropout` in training: each element is zeroed
/// with probability p and the survivors are scaled by 1/(1-p), so the expected value is
/// unchanged. The same mask scales the gradient.
extension Tensor {
  /// Zeroes each element with probability `p` (drawn from `generator`) and scales the rest by
  /// 1/(1-p); `p = 1` zeroes everything, `p = 0` returns the tensor itself.
  public func dropout(_ p: Float, using generator: inout RandomGenerator) -> Tensor {
    check(p >= 0 && p <= 1, "dropout: probability \(p) is outside [0, 1]")
    if p == 0 { return self }
    let mask = TensorStorage(uninitializedCount: count)
    let keep: Float = p == 1 ? 0 : 1 / (1 - p)
    for i in 0..<count { mask.base[i] = generator.nextUniform() < p ? 0 : keep }
    let out = TensorStorage(uninitializedCount: count)
    Kernels.mul(storage.base, mask.base, into: out.base, count: count)
    return Tensor.result("dropout", shape: shape, storage: out, operands: [self]) { g in
      let d = TensorStorage(uninitializedCount: count)
      Kernels.mul(g.base, mask.base, into: d.base, count: count)
      node?.accumulate(handingOver: d)
    }
  }
}
