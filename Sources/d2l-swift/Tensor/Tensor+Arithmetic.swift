/// Elementwise arithmetic with broadcasting (bias rows, scalars), and its gradients.
extension Tensor {
  /// Applies `f` elementwise to two broadcastable tensors.
  private static func zip(
    _ op: String, _ a: Tensor, _ b: Tensor, _ f: (Float, Float) -> Float
  ) -> (shape: [Int], storage: TensorStorage) {
    let x = a.storage.base, y = b.storage.base
    if a.shape == b.shape {
      let out = TensorStorage(uninitializedCount: a.count), o = out.base
      for i in 0..<a.count { o[i] = f(x[i], y[i]) }
      return (a.shape, out)
    }
    // A bias row or a scalar against a matrix (every gate of a scratch cell adds one): whole
    // rows at a time, where the general walk below keeps an index per element.
    if let rows = Broadcast.rows(of: b.shape, in: a.shape) {
      let out = TensorStorage(uninitializedCount: a.count), o = out.base, n = b.count
      for r in 0..<rows { for j in 0..<n { o[r * n + j] = f(x[r * n + j], y[j]) } }
      return (a.shape, out)
    }
    if let rows = Broadcast.rows(of: a.shape, in: b.shape) {
      let out = TensorStorage(uninitializedCount: b.count), o = out.base, n = a.count
      for r in 0..<rows { for j in 0..<n { o[r * n + j] = f(x[j], y[r * n + j]) } }
      return (b.shape, out)
    }
    guard let bc = Broadcast(a.shape, b.shape) else {
      fail("\(op): shapes \(describe(a.shape)) and \(describe(b.shape)) do not broadcast")
    }
    let out = TensorStorage(count: bc.shape.reduce(1, *)), o = out.base
    bc.forEach { i, off in o[i] = f(x[off[0]], y[off[1]]) }
    return (bc.shape, out)
  }

  /// a + b
  public static func + (a: Tensor, b: Tensor) -> Tensor {
    let (shape, out) = zip("add", a, b, +)
    return result("add", shape: shape, storage: out, operands: [a, b]) { g in
      // Not handed over: with equal shapes both operands receive g itself.
      a.node?.accumulate(reduce(g, from: shape, to: a.shape))
      b.node?.accumulate(reduce(g, from: shape, to: b.shape))
    }
  }

  /// -a
  public static prefix func - (a: Tensor) -> Tensor { a * Tensor(-1) }

  /// a - b = a + (-b)
  public static func - (a: Tensor, b: Tensor) -> Tensor { a + (-b) }

  /// a * b (elementwise)
  public static func * (a: Tensor, b: Tensor) -> Tensor {
    let (shape, out) = zip("mul", a, b, *)
    return result("mul", shape: shape, storage: out, operands: [a, b]) { g in
      // d(a*b)/da = b, d(a*b)/db = a
      if let n = a.node {
        let (_, gb) = zip("mul", Tensor(shape: shape, storage: g), b.detached(), *)
        n.accumulate(handingOver: reduce(gb, from: shape, to: a.shape))
      }
      if let n = b.node {
        let (_, ga) = zip("mul", Tensor(shape: shape, storage: g), a.detached(), *)
        n.accumulate(handingOver: reduce(ga, from: shape, to: b.shape))
      }
    }
  }

  /// a / b = a * b⁻¹
  public static func / (a: Tensor, b: Tensor) -> Tensor { a * b.reciprocal() }

  /// 1 / a
  public func reciprocal() -> Tensor {
    let out = TensorStorage(uninitializedCount: count)
    let x = storage.base, o = out.base
    for i in 0..<count { o[i] = 1 / x[i] }
    return Tensor.result("reciprocal", shape: shape, storage: out, operands: [self]) { g in
      // d(1/x)/dx = -1/x² = -(1/x)²
      let d = TensorStorage(count: out.count)
      for i in 0..<out.count { d.base[i] = -g.base[i] * o[i] * o[i] }
      node?.accumulate(handingOver: d)
    }
  }

  /// a + s
  public static func + (a: Tensor, s: Float) -> Tensor { a + Tensor(s) }
  /// a - s
  public static func - (a: Tensor, s: Float) -> Tensor { a + Tensor(-s) }
  /// s - a in one pass, as the GRU's 1 − Z_t reads; d(s - a)/da = −1.
  public static func - (s: Float, a: Tensor) -> Tensor {
    let out = TensorStorage(uninitializedCount: a.count)
    let x = a.storage.base, o = out.base
    for i in 0..<a.count { o[i] = s - x[i] }
    return result("rsub", shape: a.shape, storage: out, operands: [a]) { g in
      let d = TensorStorage(uninitializedCount: g.count)
      for i in 0..<g.count { d.base[i] = -g.base[i] }
      a.node?.accumulate(handingOver: d)
    }
  }
  /// a * s
  public static func * (a: Tensor, s: Float) -> Tensor { a * Tensor(s) }
  /// s * a
  public static func * (s: Float, a: Tensor) -> Tensor { a * Tensor(s) }
  /// a / s
  public static func / (a: Tensor, s: Float) -> Tensor { a * Tensor(1 / s) }
}
