/// NumPy's broadcasting rule, for the shapes that bias rows and scalars need (and any other):
/// align shapes on the right; an axis of size 1 (or a missing one) stretches to the other size.
struct Broadcast {
  /// The shape of the result.
  let shape: [Int]
  /// For each operand, the stride of each result axis in that operand (0 where it stretches).
  let strides: [[Int]]

  /// Returns nil when the shapes do not broadcast.
  init?(_ shapes: [Int]...) {
    let rank = shapes.map(\.count).max() ?? 0
    var out = [Int](repeating: 1, count: rank)
    for s in shapes {
      for (k, d) in s.enumerated() {
        let axis = rank - s.count + k
        if out[axis] == 1 { out[axis] = d } else if d != 1 && d != out[axis] { return nil }
      }
    }
    shape = out
    strides = shapes.map { s in
      var st = [Int](repeating: 0, count: rank)
      var running = 1
      for k in stride(from: s.count - 1, through: 0, by: -1) {
        st[rank - s.count + k] = s[k] == 1 ? 0 : running
        running *= s[k]
      }
      return st
    }
  }

  /// How many times `small` repeats to fill `large` when it is `large`'s trailing axes (a bias
  /// row against a matrix, a scalar against anything), else nil. Leading 1s of `small` are
  /// ignored; equal shapes are not this case.
  static func rows(of small: [Int], in large: [Int]) -> Int? {
    let trailing = Array(small.drop { $0 == 1 })
    guard small != large, trailing.count <= large.count, Array(large.suffix(trailing.count)) == trailing
    else { return nil }
    return large.dropLast(trailing.count).reduce(1, *)
  }

  /// Calls `body(outputIndex, operandOffsets)` for every element of the result, in order.
  func forEach(_ body: (Int, [Int]) -> Void) {
    let n = shape.reduce(1, *)
    if n == 0 { return }
    var index = [Int](repeating: 0, count: shape.count)
    var offsets = [Int](repeating: 0, count: strides.count)
    for i in 0..<n {
      body(i, offsets)
      // Increment the multi-index, updating each operand's offset incrementally.
      var axis = shape.count - 1
      while axis >= 0 {
        index[axis] += 1
        for o in 0..<strides.count { offsets[o] += strides[o][axis] }
        if index[axis] < shape[axis] { break }
        for o in 0..<strides.count { offsets[o] -= strides[o][axis] * shape[axis] }
        index[axis] = 0
        axis -= 1
      }
    }
  }
}

extension Tensor {
  /// Sums `grad` (shaped like a broadcast result) down to `shape`: the gradient of broadcasting.
  static func reduce(_ grad: TensorStorage, from resultShape: [Int], to shape: [Int]) -> TensorStorage {
    if resultShape == shape { return grad }
    let out = TensorStorage(count: shape.reduce(1, *))
    if let rows = Broadcast.rows(of: shape, in: resultShape) {  // a bias row's gradient: the rows' sum
      for r in 0..<rows { Kernels.add(out.base, grad.base + r * out.count, into: out.base, count: out.count) }
      return out
    }
    let b = Broadcast(resultShape, shape)!
    let g = grad.base, o = out.base
    b.forEach { i, off in o[off[1]] += g[i] }
    return out
  }
}
