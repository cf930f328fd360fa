import Foundation

extension Tensor {
  /// log softmax along the last axis, x − max − log Σ exp(x − max) per row (PyTorch's
  /// `log_softmax(dim=-1)`); the gradient is g − softmax · Σ g per row.
  public func logSoftmax() -> Tensor {
    check(rank >= 1 && shape.last! > 0, "logSoftmax: needs a last axis, shape is \(Tensor.describe(shape))")
    let v = shape.last!, rows = count / v
    let out = TensorStorage(uninitializedCount: count)
    for r in 0..<rows {
      let x = storage.base + r * v, y = out.base + r * v
      var m = x[0]
      for k in 1..<v where x[k] > m { m = x[k] }
      var sum: Float = 0
      for k in 0..<v { sum += Foundation.exp(x[k] - m) }
      let shift = m + Foundation.log(sum)
      for k in 0..<v { y[k] = x[k] - shift }
    }
    return Tensor.result("logSoftmax", shape: shape, storage: out, operands: [self]) { g in
      let d = TensorStorage(uninitializedCount: count)
      for r in 0..<rows {
        let gr = g.base + r * v, y = out.base + r * v, dr = d.base + r * v
        var total: Float = 0
        for k in 0..<v { total += gr[k] }
        for k in 0..<v { dr[k] = gr[k] - Foundation.exp(y[k]) * total }
      }
      node?.accumulate(handingOver: d)
    }
  }
}
