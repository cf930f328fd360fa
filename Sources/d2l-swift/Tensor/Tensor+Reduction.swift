/// Sums, means and argmax, over all elements or along one axis.
extension Tensor {
  /// The sum of all elements, as a scalar.
  public func sum() -> Tensor {
    let out = TensorStorage(count: 1)
    out.base[0] = Kernels.sum(storage.base, count: count)
    return Tensor.result("sum", shape: [], storage: out, operands: [self]) { g in
      // Every element contributes with weight 1.
      let d = TensorStorage(count: count)
      d.base.update(repeating: g.base[0], count: count)
      node?.accumulate(handingOver: d)
    }
  }

  /// The mean of all elements, as a scalar.
  public func mean() -> Tensor { sum() / Float(count) }

  /// Splits the shape around `axis` into (outer, size, inner) element counts.
  private func around(_ axis: Int, _ op: String) -> (outer: Int, size: Int, inner: Int) {
    check(axis >= 0 && axis < rank, "\(op): axis \(axis) is outside a tensor of shape \(Tensor.describe(shape))")
    return (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *))
  }

  /// The sum along `axis`, which disappears from the shape (or stays as 1 with `keepingAxis`).
  public func sum(alongAxis axis: Int, keepingAxis: Bool = false) -> Tensor {
    let (outer, size, inner) = around(axis, "sum")
    var newShape = shape
    if keepingAxis { newShape[axis] = 1 } else { newShape.remove(at: axis) }
    let out = TensorStorage(count: outer * inner)
    let x = storage.base, o = out.base
    for a in 0..<outer {
      for k in 0..<size {
        let row = x + (a * size + k) * inner
        let dst = o + a * inner
        for i in 0..<inner { dst[i] += row[i] }
      }
    }
    return Tensor.result("sum(axis)", shape: newShape, storage: out, operands: [self]) { g in
      let d = TensorStorage(count: count)
      for a in 0..<outer {
        for k in 0..<size {
          (d.base + (a * size + k) * inner).update(from: g.base + a * inner, count: inner)
        }
      }
      node?.accumulate(handingOver: d)
    }
  }

  /// The mean along `axis`.
  public func mean(alongAxis axis: Int, keepingAxis: Bool = false) -> Tensor {
    sum(alongAxis: axis, keepingAxis: keepingAxis) / Float(shape[axis])
  }

  /// The index of the largest element of each row (along the last axis). Not differentiable.
  public func argmax() -> [Int] {
    guard let last = shape.last, last > 0 else { return [] }
    let rows = count / last
    var result = [Int](repeating: 0, count: rows)
    for r in 0..<rows {
      let p = storage.base + r * last
      var best = 0
      for k in 1..<last where p[k] > p[best] { best = k }
      result[r] = best
    }
    return result
  }
}
