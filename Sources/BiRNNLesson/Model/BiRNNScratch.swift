import D2L

/// A bidirectional RNN layer from scratch, made of two of deep-rnn's `RNNScratch` layers (D2L's
/// `BiRNNScratch`): one reads the sequence forwards, the other reads it backwards, and each
/// step's two states are concatenated, forward first:
///
///     →H_t = tanh(X_t →W_xh + →H_{t-1} →W_hh + →b_h)
///     ←H_t = tanh(X_t ←W_xh + ←H_{t+1} ←W_hh + ←b_h)
///     H_t  = [→H_t, ←H_t]
///
/// The two directions may have different widths (the section's first exercise).
public final class BiRNNScratch: Module {
  /// Reads X_1 … X_T.
  public let forward: RNNScratch
  /// Reads X_T … X_1.
  public let backward: RNNScratch

  /// Both directions `numHiddens` wide, as in the section.
  public convenience init(numInputs: Int, numHiddens: Int, sigma: Float = 0.01, using generator: inout RandomGenerator) {
    self.init(numInputs: numInputs, forwardHiddens: numHiddens, backwardHiddens: numHiddens, sigma: sigma, using: &generator)
  }

  /// A width per direction: H_t is then `forwardHiddens + backwardHiddens` wide.
  public init(
    numInputs: Int, forwardHiddens: Int, backwardHiddens: Int, sigma: Float = 0.01,
    using generator: inout RandomGenerator
  ) {
    forward = RNNScratch(numInputs: numInputs, numHiddens: forwardHiddens, sigma: sigma, using: &generator)
    backward = RNNScratch(numInputs: numInputs, numHiddens: backwardHiddens, sigma: sigma, using: &generator)
  }

  /// The width of H_t: both directions' states side by side.
  public var numHiddens: Int { forward.numHiddens + backward.numHiddens }

  public var namedParameters: [(name: String, tensor: Tensor)] {
    forward.namedParameters.map { ("forward." + $0.name, $0.tensor) }
      + backward.namedParameters.map { ("backward." + $0.name, $0.tensor) }
  }

  /// Runs both directions over inputs (T, B, inputs) from their initial states (zeros when nil).
  ///
  /// - Returns: H (T, B, h→ + h←), each direction's states in time order, and each direction's
  ///   final state: the forward one after X_T, the backward one after X_1.
  public func callAsFunction(_ inputs: Tensor, forwardState: Tensor? = nil, backwardState: Tensor? = nil)
    -> (outputs: Tensor, forwardOutputs: [Tensor], backwardOutputs: [Tensor], forwardState: Tensor, backwardState: Tensor)
  {
    let (forwardOutputs, forwardFinal) = forward(inputs, state: forwardState)
    let (reversedOutputs, backwardFinal) = backward(inputs.reversedInTime(), state: backwardState)
    // The backward layer's first output belongs to the last step: put its states back in time order.
    let backwardOutputs = Array(reversedOutputs.reversed())
    let outputs = Tensor.concatenate([Tensor.stack(forwardOutputs), Tensor.stack(backwardOutputs)], alongAxis: 2)
    return (outputs, forwardOutputs, backwardOutputs, forwardFinal, backwardFinal)
  }
}

extension Tensor {
  /// A time-first tensor (T, …) with its steps in reverse order: X_T … X_1.
  public func reversedInTime() -> Tensor {
    Tensor.stack((0..<shape[0]).reversed().map { self[$0] })
  }
}
