/// An n-dimensional array of Float32 values, row-major and contiguous, that can take part in
/// reverse-mode automatic differentiation.
///
/// Shapes follow the letters of the chapter: `T = numSteps, B = batchSize, V = vocabSize,
/// H = numHiddens, L = numLayers`. Operations never change their operands: each returns a new
/// tensor. The only mutations are the explicit in-place updates of parameters (`update`), which
/// an optimiser applies between steps.
public struct Tensor {
  /// The size of each axis; `[]` for a scalar.
  public let shape: [Int]
  /// The elements, row-major.
  public let storage: TensorStorage
  /// The node recording how this value was computed, when gradients are being recorded for it.
  let node: GradNode?

  /// Wraps `storage` as a tensor of `shape`.
  public init(shape: [Int], storage: TensorStorage) {
    check(
      shape.reduce(1, *) == storage.count,
      "shape \(Tensor.describe(shape)) needs \(shape.reduce(1, *)) elements, storage has \(storage.count)")
    self.shape = shape
    self.storage = storage
    self.node = nil
  }

  init(shape: [Int], storage: TensorStorage, node: GradNode?) {
    self.shape = shape
    self.storage = storage
    self.node = node
  }

  /// A tensor of `shape` holding `values` (row-major).
  public init(shape: [Int], _ values: [Float]) {
    check(
      shape.reduce(1, *) == values.count,
      "shape \(Tensor.describe(shape)) needs \(shape.reduce(1, *)) values, got \(values.count)")
    self.init(shape: shape, storage: TensorStorage(copying: values))
  }

  /// A scalar (rank-0) tensor.
  public init(_ value: Float) { self.init(shape: [], [value]) }

  /// The number of elements.
  @inlinable public var count: Int { storage.count }
  /// The number of axes.
  public var rank: Int { shape.count }
  /// The elements as a Swift array (a copy).
  public var scalars: [Float] { Array(storage.buffer) }
  /// The single value of a one-element tensor.
  public var scalar: Float {
    check(count == 1, "scalar needs one element, shape is \(Tensor.describe(shape))")
    return storage.base.pointee
  }

  /// A shape written the way messages show it, e.g. `(32, 35, 28)`.
  public static func describe(_ shape: [Int]) -> String {
    "(" + shape.map(String.init).joined(separator: ", ") + ")"
  }
}

extension Tensor {
  /// Overwrites this tensor's values with `other`'s, in place (e.g. to load weights into a
  /// parameter); the shapes must agree.
  public func assign(_ other: Tensor) {
    check(other.shape == shape, "assign: shape \(Tensor.describe(other.shape)) into \(Tensor.describe(shape))")
    storage.base.update(from: other.storage.base, count: count)
  }
}
