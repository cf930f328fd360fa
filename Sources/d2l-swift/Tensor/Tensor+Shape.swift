/// Reshaping, transposing, slicing along the leading axis, concatenation and stacking.
extension Tensor {
  /// The same elements under another shape; one axis may be -1 (inferred).
  public func reshaped(_ newShape: [Int]) -> Tensor {
    var target = newShape
    if let i = target.firstIndex(of: -1) {
      let known = target.enumerated().filter { $0.offset != i }.map(\.element).reduce(1, *)
      check(known > 0 && count % known == 0, "reshape: cannot reshape \(Tensor.describe(shape)) to \(Tensor.describe(newShape))")
      target[i] = count / known
    }
    check(
      target.reduce(1, *) == count,
      "reshape: cannot reshape \(Tensor.describe(shape)) (\(count) elements) to \(Tensor.describe(newShape))")
    // The storage is shared: reshaping copies nothing. Gradients pass through unchanged: this
    // node's gradient is spent once passed on (see `backward`), so it is handed over.
    return Tensor.result("reshape", shape: target, storage: storage, operands: [self]) { g in
      node?.accumulate(handingOver: g)
    }
  }

  /// The transpose of a matrix: (m, n) -> (n, m).
  public func transposed() -> Tensor {
    check(rank == 2, "transposed: needs a matrix, shape is \(Tensor.describe(shape))")
    let (m, n) = (shape[0], shape[1])
    let out = TensorStorage(count: count)
    Tensor.transpose(storage.base, rows: m, columns: n, into: out.base)
    return Tensor.result("transpose", shape: [n, m], storage: out, operands: [self]) { g in
      let d = TensorStorage(count: count)
      Tensor.transpose(g.base, rows: n, columns: m, into: d.base)
      node?.accumulate(handingOver: d)
    }
  }

  /// Swaps the first two axes: (a, b, ...) -> (b, a, ...), e.g. (batch, steps) -> (steps, batch).
  public func swappingLeadingAxes() -> Tensor {
    check(rank >= 2, "swappingLeadingAxes: needs rank 2 or more, shape is \(Tensor.describe(shape))")
    let (a, b) = (shape[0], shape[1])
    let inner = count / (a * b)
    var newShape = shape
    newShape.swapAt(0, 1)
    func swap(_ src: UnsafeMutablePointer<Float>, _ rows: Int, _ cols: Int, _ dst: UnsafeMutablePointer<Float>) {
      for i in 0..<rows { for j in 0..<cols { (dst + (j * rows + i) * inner).update(from: src + (i * cols + j) * inner, count: inner) } }
    }
    let out = TensorStorage(count: count)
    swap(storage.base, a, b, out.base)
    return Tensor.result("swapaxes", shape: newShape, storage: out, operands: [self]) { g in
      let d = TensorStorage(count: count)
      swap(g.base, b, a, d.base)
      node?.accumulate(handingOver: d)
    }
  }

  static func transpose(_ src: UnsafePointer<Float>, rows m: Int, columns n: Int, into dst: UnsafeMutablePointer<Float>) {
    // Blocked, so both sides stay in cache for large matrices.
    let block = 32
    for i0 in stride(from: 0, to: m, by: block) {
      for j0 in stride(from: 0, to: n, by: block) {
        for i in i0..<min(i0 + block, m) {
          for j in j0..<min(j0 + block, n) { dst[j * m + i] = src[i * n + j] }
        }
      }
    }
  }

  /// Rows `range` along the leading axis.
  public subscript(range: Range<Int>) -> Tensor {
    check(rank >= 1 && range.lowerBound >= 0 && range.upperBound <= shape[0],
                 "slice: \(range) is outside the leading axis of \(Tensor.describe(shape))")
    let inner = count / max(shape[0], 1)
    let out = TensorStorage(count: range.count * inner)
    out.base.update(from: storage.base + range.lowerBound * inner, count: out.count)
    var newShape = shape
    newShape[0] = range.count
    return Tensor.result("slice", shape: newShape, storage: out, operands: [self]) { g in
      let d = TensorStorage(count: count)
      (d.base + range.lowerBound * inner).update(from: g.base, count: g.count)
      node?.accumulate(handingOver: d)
    }
  }

  /// The leading axis in reverse order: (T, …) with step t at T-1-t, PyTorch's `flip(0)`.
  public func reversedSteps() -> Tensor {
    check(rank >= 1, "reversedSteps: needs rank 1 or more, shape is \(Tensor.describe(shape))")
    let steps = shape[0], inner = count / max(steps, 1)
    func reverse(_ src: UnsafePointer<Float>, into dst: UnsafeMutablePointer<Float>) {
      for t in 0..<steps { (dst + (steps - 1 - t) * inner).update(from: src + t * inner, count: inner) }
    }
    let out = TensorStorage(uninitializedCount: count)
    reverse(storage.base, into: out.base)
    return Tensor.result("reversedSteps", shape: shape, storage: out, operands: [self]) { g in
      let d = TensorStorage(uninitializedCount: count)
      reverse(g.base, into: d.base)
      node?.accumulate(handingOver: d)
    }
  }

  /// Element `index` along the leading axis (the axis disappears).
  public subscript(index: Int) -> Tensor {
    check(rank >= 1 && index >= 0 && index < shape[0],
                 "index: \(index) is outside the leading axis of \(Tensor.describe(shape))")
    return self[index..<(index + 1)].reshaped(Array(shape.dropFirst()))
  }

  /// Joins tensors along `axis`; all other axes must agree.
  public static func concatenate(_ parts: [Tensor], alongAxis axis: Int = 0) -> Tensor {
    check(!parts.isEmpty, "concatenate: needs at least one tensor")
    let first = parts[0].shape
    check(axis >= 0 && axis < first.count, "concatenate: axis \(axis) is outside \(describe(first))")
    for p in parts {
      var a = p.shape, b = first
      if a.count == b.count { a[axis] = 0; b[axis] = 0 }
      check(a == b, "concatenate: shapes \(describe(first)) and \(describe(p.shape)) differ outside axis \(axis)")
    }
    let outer = first[..<axis].reduce(1, *)
    let inner = first[(axis + 1)...].reduce(1, *)
    let sizes = parts.map { $0.shape[axis] }
    let total = sizes.reduce(0, +)
    var shape = first
    shape[axis] = total
    let out = TensorStorage(count: outer * total * inner)
    var offset = 0
    for (p, size) in zip(parts, sizes) {
      for o in 0..<outer {
        (out.base + (o * total + offset) * inner).update(from: p.storage.base + o * size * inner, count: size * inner)
      }
      offset += size
    }
    return result("concatenate", shape: shape, storage: out, operands: parts) { g in
      var offset = 0
      for (p, size) in zip(parts, sizes) {
        if let n = p.node {
          let d = TensorStorage(count: p.count)
          for o in 0..<outer {
            (d.base + o * size * inner).update(from: g.base + (o * total + offset) * inner, count: size * inner)
          }
          n.accumulate(handingOver: d)
        }
        offset += size
      }
    }
  }

  /// Stacks equally shaped tensors along a new leading axis: n × (a, b) -> (n, a, b).
  public static func stack(_ parts: [Tensor]) -> Tensor {
    check(!parts.isEmpty, "stack: needs at least one tensor")
    return concatenate(parts.map { $0.reshaped([1] + $0.shape) }, alongAxis: 0)
  }
}
