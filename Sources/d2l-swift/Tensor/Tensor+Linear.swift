extension Tensor {
  /// x Wᵀ + b as one operation, for rows x (N, inputs), weight (outputs, inputs) and bias
  /// (outputs): what `nn.Linear` computes.
  ///
  /// The bias is where the product starts, and its gradient is the column sums of the upstream
  /// gradient. Written as `x.matmul(W, transposeOther: true) + b`, the bias was broadcast element
  /// by element forward and reduced back: 0.17 ms of the chapter's minibatch for the output
  /// layer's 31,360 additions, more than its two products took.
  public static func linear(_ x: Tensor, weight: Tensor, bias: Tensor) -> Tensor {
    check(x.rank == 2 && weight.rank == 2 && x.shape[1] == weight.shape[1],
          "linear: input \(describe(x.shape)) does not fit weight \(describe(weight.shape)) (needs (N, \(weight.rank == 2 ? weight.shape[1] : 0)))")
    let (m, k, n) = (x.shape[0], x.shape[1], weight.shape[0])
    check(bias.count == n, "linear: bias \(describe(bias.shape)) does not fit weight \(describe(weight.shape))")
    let out = TensorStorage(uninitializedCount: m * n)
    for r in 0..<m { (out.base + r * n).initialize(from: bias.storage.base, count: n) }
    gemm(x.storage.base, transposeA: false, weight.storage.base, transposeB: true, into: out.base, m: m, n: n, k: k, accumulate: true)
    return result("linear", shape: [m, n], storage: out, operands: [x, weight, bias]) { g in
      if let node = x.node {  // dx = dY W
        let d = TensorStorage(uninitializedCount: m * k)
        gemm(g.base, transposeA: false, weight.storage.base, transposeB: false, into: d.base, m: m, n: k, k: n, accumulate: false)
        node.accumulate(handingOver: d)
      }
      if let node = weight.node {  // dW = dYᵀ x
        let d = TensorStorage(uninitializedCount: n * k)
        gemm(g.base, transposeA: true, x.storage.base, transposeB: false, into: d.base, m: n, n: k, k: m, accumulate: false)
        node.accumulate(handingOver: d)
      }
      if let node = bias.node {  // db = Σ_rows dY
        let d = TensorStorage(count: n)
        for r in 0..<m { Kernels.add(d.base, g.base + r * n, into: d.base, count: n) }
        node.accumulate(handingOver: d)
      }
    }
  }
}
