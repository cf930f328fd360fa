/// Ways to make a tensor: constants, ranges, and seeded random values.
extension Tensor {
  /// All zeros.
  public static func zeros(_ shape: [Int]) -> Tensor {
    Tensor(shape: shape, storage: TensorStorage(count: shape.reduce(1, *)))
  }

  /// All ones.
  public static func ones(_ shape: [Int]) -> Tensor { full(shape, 1) }

  /// Every element equal to `value`.
  public static func full(_ shape: [Int], _ value: Float) -> Tensor {
    let s = TensorStorage(count: shape.reduce(1, *))
    s.base.update(repeating: value, count: s.count)
    return Tensor(shape: shape, storage: s)
  }

  /// `start, start + step, ...` up to but excluding `end`, as a vector.
  public static func arange(_ start: Float = 0, _ end: Float, step: Float = 1) -> Tensor {
    check(step != 0, "arange: step must not be zero")
    let n = max(0, Int(((end - start) / step).rounded(.up)))
    return Tensor(shape: [n], (0..<n).map { start + Float($0) * step })
  }

  /// Values drawn from N(mean, std²) with `generator`.
  public static func normal(
    _ shape: [Int], mean: Float = 0, std: Float = 1, using generator: inout RandomGenerator
  ) -> Tensor {
    let s = TensorStorage(count: shape.reduce(1, *))
    for i in 0..<s.count { s.base[i] = mean + std * generator.nextNormal() }
    return Tensor(shape: shape, storage: s)
  }

  /// Values drawn uniformly from [low, high) with `generator`.
  public static func uniform(
    _ shape: [Int], low: Float = 0, high: Float = 1, using generator: inout RandomGenerator
  ) -> Tensor {
    let s = TensorStorage(count: shape.reduce(1, *))
    for i in 0..<s.count { s.base[i] = low + (high - low) * generator.nextUniform() }
    return Tensor(shape: shape, storage: s)
  }

  /// Rows of the identity: `oneHot([2, 0], depth: 3)` is `[[0,0,1],[1,0,0]]`. Shape
  /// `indices.shape + [depth]`; not differentiable (its input is integers).
  public static func oneHot(_ indices: [Int], shape: [Int]? = nil, depth: Int) -> Tensor {
    let s = TensorStorage(count: indices.count * depth)
    for (i, k) in indices.enumerated() {
      check(k >= 0 && k < depth, "oneHot: index \(k) is outside 0..<\(depth)")
      s.base[i * depth + k] = 1
    }
    return Tensor(shape: (shape ?? [indices.count]) + [depth], storage: s)
  }
}
