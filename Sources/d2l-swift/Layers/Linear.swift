/// A fully connected layer, y = x Wᵀ + b, as PyTorch's `nn.Linear` (weight shaped
/// (outputs, inputs)).
public final class Linear: Module {
  /// (outputs, inputs)
  public let weight: Tensor
  /// (outputs)
  public let bias: Tensor

  /// PyTorch's default initialisation: weight and bias from U(-1/√inputs, 1/√inputs).
  public init(inputSize: Int, outputSize: Int, using generator: inout RandomGenerator) {
    let bound = 1 / Float(inputSize).squareRoot()
    weight = uniformParameter([outputSize, inputSize], bound: bound, using: &generator)
    bias = uniformParameter([outputSize], bound: bound, using: &generator)
  }

  /// Applies the layer to rows x of shape (N, inputs), giving (N, outputs).
  public func callAsFunction(_ x: Tensor) -> Tensor {
    check(x.rank == 2 && x.shape[1] == weight.shape[1],
                 "Linear: input \(Tensor.describe(x.shape)) does not fit weight \(Tensor.describe(weight.shape)) (needs (N, \(weight.shape[1])))")
    return Tensor.linear(x, weight: weight, bias: bias)
  }

  public var namedParameters: [(name: String, tensor: Tensor)] { [("weight", weight), ("bias", bias)] }
}
