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

  /// Applies the layer to the last axis of x: (N, inputs) gives (N, outputs), and (batch,
  /// steps, inputs) gives (batch, steps, outputs), as `nn.Linear` on any leading axes.
  public func callAsFunction(_ x: Tensor) -> Tensor {
    check(x.rank >= 2 && x.shape.last == weight.shape[1],
          "Linear: input \(Tensor.describe(x.shape)) does not fit weight \(Tensor.describe(weight.shape)) (needs (…, \(weight.shape[1])))")
    if x.rank == 2 { return Tensor.linear(x, weight: weight, bias: bias) }
    let rows = x.reshaped([-1, weight.shape[1]])
    return Tensor.linear(rows, weight: weight, bias: bias).reshaped(Array(x.shape.dropLast()) + [weight.shape[0]])
  }

  public var namedParameters: [(name: String, tensor: Tensor)] { [("weight", weight), ("bias", bias)] }
}
