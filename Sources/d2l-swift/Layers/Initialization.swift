/// Weight initialisations beyond PyTorch's defaults.
public enum Initialization {
  /// Glorot & Bengio's uniform initialisation, PyTorch's `nn.init.xavier_uniform_`: in place,
  /// from U(−a, a) with a = gain · √(6 / (fan_in + fan_out)), where a (outputs, inputs) matrix
  /// has fan_in = inputs and fan_out = outputs.
  public static func xavierUniform(_ weight: Tensor, gain: Float = 1, using generator: inout RandomGenerator) {
    let bound = xavierBound(weight.shape, gain: gain)
    for i in 0..<weight.count { weight.storage.base[i] = -bound + 2 * bound * generator.nextUniform() }
  }

  /// a = gain · √(6 / (fan_in + fan_out)) for a weight of `shape` (≥ 2 axes; the axes after the
  /// second multiply both fans, as PyTorch's receptive field).
  public static func xavierBound(_ shape: [Int], gain: Float = 1) -> Float {
    check(shape.count >= 2, "xavierUniform: needs a weight with at least 2 axes, shape is \(Tensor.describe(shape))")
    let receptive = shape.dropFirst(2).reduce(1, *)
    let (fanIn, fanOut) = (shape[1] * receptive, shape[0] * receptive)
    return gain * (6 / Float(fanIn + fanOut)).squareRoot()
  }
}
