/// A table of learned vectors, one row per token: PyTorch's `nn.Embedding`, weight shaped
/// (vocabSize, embedSize). Looking a token up is the one-hot row times the table, without
/// building the one-hot matrix.
public final class Embedding: Module {
  /// (vocabSize, embedSize)
  public let weight: Tensor

  /// PyTorch's default initialisation: every entry from N(0, 1).
  public init(vocabSize: Int, embedSize: Int, using generator: inout RandomGenerator) {
    check(vocabSize > 0 && embedSize > 0, "Embedding: sizes must be positive (vocabulary \(vocabSize), embedding \(embedSize))")
    weight = Tensor.normal([vocabSize, embedSize], using: &generator).requiringGradient()
  }

  public var vocabSize: Int { weight.shape[0] }
  public var embedSize: Int { weight.shape[1] }

  /// The rows of `indices`, shaped `shape + [embedSize]` (`shape` defaults to `[indices.count]`).
  public func callAsFunction(_ indices: [Int32], shape: [Int]? = nil) -> Tensor {
    Tensor.embedding(weight, indices: indices, shape: shape)
  }

  public var namedParameters: [(name: String, tensor: Tensor)] { [("weight", weight)] }
}

extension Tensor {
  /// Rows `indices` of the table `weight` (V, E), shaped `shape + [E]`. The gradient adds each
  /// row's upstream gradient into its token's row of the table (a token used twice gets both).
  public static func embedding(_ weight: Tensor, indices: [Int32], shape: [Int]? = nil) -> Tensor {
    check(weight.rank == 2, "embedding: the table must be (vocabulary, embedding), shape is \(describe(weight.shape))")
    let (v, e) = (weight.shape[0], weight.shape[1])
    let shape = shape ?? [indices.count]
    check(shape.reduce(1, *) == indices.count, "embedding: \(indices.count) indices do not fill \(describe(shape))")
    for k in indices where k < 0 || Int(k) >= v {
      fail("embedding: token \(k) is outside the vocabulary of \(v) (table \(describe(weight.shape)))")
    }
    let out = TensorStorage(uninitializedCount: indices.count * e)
    let table = weight.storage.base
    for (i, k) in indices.enumerated() { (out.base + i * e).initialize(from: table + Int(k) * e, count: e) }
    return result("embedding", shape: shape + [e], storage: out, operands: [weight]) { g in
      guard let dW = weight.gradientBuffer else { return }
      for (i, k) in indices.enumerated() { Kernels.add(dW + Int(k) * e, g.base + i * e, into: dW + Int(k) * e, count: e) }
    }
  }
}
