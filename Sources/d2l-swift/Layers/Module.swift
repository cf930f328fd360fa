/// Something with named parameters: a layer or a model.
///
/// Names follow PyTorch's `state_dict` (`weight_ih_l0`, `linear.weight`, ...), so that
/// checkpoints move between this library and PyTorch unchanged.
public protocol Module: AnyObject {
  /// The parameters in a fixed order, under their PyTorch names.
  var namedParameters: [(name: String, tensor: Tensor)] { get }
}

extension Module {
  /// The parameters without their names.
  public var parameters: [Tensor] { namedParameters.map(\.tensor) }

  /// The number of trainable scalars.
  public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

  /// Sets every parameter's gradient to zero.
  public func zeroGradients() { parameters.forEach { $0.zeroGradient() } }

  /// The parameter called `name`, if any.
  public func parameter(named name: String) -> Tensor? {
    namedParameters.first { $0.name == name }?.tensor
  }
}

/// A parameter tensor: drawn from U(-bound, bound) like PyTorch's defaults, recording gradients.
func uniformParameter(_ shape: [Int], bound: Float, using generator: inout RandomGenerator) -> Tensor {
  Tensor.uniform(shape, low: -bound, high: bound, using: &generator).requiringGradient()
}
