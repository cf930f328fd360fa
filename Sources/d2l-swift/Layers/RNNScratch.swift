/// The chapter's RNN from scratch: explicit parameters and the recurrence written out,
///
///     H_t = tanh(X_t W_xh + H_{t-1} W_hh + b_h)
///
/// (D2L's `RNNScratch`). Built from tape operations, so its gradients come from autodiff; slower
/// than the fused `RNN`, but every term of the equation is visible.
public final class RNNScratch: Module {
  /// (inputs, hiddens)
  public let W_xh: Tensor
  /// (hiddens, hiddens)
  public let W_hh: Tensor
  /// (hiddens)
  public let b_h: Tensor
  public let numInputs: Int
  public let numHiddens: Int

  /// Weights from N(0, σ²), bias zero, as D2L initialises them.
  public init(numInputs: Int, numHiddens: Int, sigma: Float = 0.01, using generator: inout RandomGenerator) {
    self.numInputs = numInputs
    self.numHiddens = numHiddens
    W_xh = Tensor.normal([numInputs, numHiddens], std: sigma, using: &generator).requiringGradient()
    W_hh = Tensor.normal([numHiddens, numHiddens], std: sigma, using: &generator).requiringGradient()
    b_h = Tensor.zeros([numHiddens]).requiringGradient()
  }

  public var namedParameters: [(name: String, tensor: Tensor)] { [("W_xh", W_xh), ("W_hh", W_hh), ("b_h", b_h)] }

  /// Runs over inputs (T, B, inputs) from `state` (B, hiddens; zeros when nil). Returns each
  /// step's H_t (B, hiddens) and the last one.
  public func callAsFunction(_ inputs: Tensor, state: Tensor? = nil) -> (outputs: [Tensor], state: Tensor) {
    check(inputs.rank == 3 && inputs.shape[2] == numInputs,
                 "RNNScratch: inputs \(Tensor.describe(inputs.shape)) are not (steps, batch, \(numInputs))")
    var H = state ?? Tensor.zeros([inputs.shape[1], numHiddens])
    check(H.shape == [inputs.shape[1], numHiddens],
                 "RNNScratch: state \(Tensor.describe(H.shape)) is not (batch, hiddens) = \(Tensor.describe([inputs.shape[1], numHiddens]))")
    var outputs: [Tensor] = []
    for t in 0..<inputs.shape[0] {
      let X = inputs[t]  // (B, inputs)
      H = (X.matmul(W_xh) + H.matmul(W_hh) + b_h).tanh()
      outputs.append(H)
    }
    return (outputs, H)
  }
}

/// A deep RNN from scratch: `numLayers` `RNNScratch` layers, layer 1 reading the inputs and
/// layer l reading H^(l-1), as in the chapter (D2L's `StackedRNNScratch`):
///
///     H_t^(l) = tanh(H_t^(l-1) W_xh^(l) + H_{t-1}^(l) W_hh^(l) + b_h^(l)),  H_t^(0) = X_t
public final class StackedRNNScratch: Module {
  public let rnns: [RNNScratch]

  public init(numInputs: Int, numHiddens: Int, numLayers: Int, sigma: Float = 0.01, using generator: inout RandomGenerator) {
    check(numLayers > 0, "StackedRNNScratch: numLayers must be positive")
    rnns = (0..<numLayers).map { i in
      RNNScratch(numInputs: i == 0 ? numInputs : numHiddens, numHiddens: numHiddens, sigma: sigma, using: &generator)
    }
  }

  public var numLayers: Int { rnns.count }

  public var namedParameters: [(name: String, tensor: Tensor)] {
    rnns.enumerated().flatMap { i, rnn in rnn.namedParameters.map { ("rnns.\(i).\($0.name)", $0.tensor) } }
  }

  /// Runs the layers in turn over inputs (T, B, inputs), from `states` (one (B, H) per layer;
  /// zeros when nil). Returns the last layer's outputs (T, B, H), each layer's final state, and
  /// every layer's outputs (layer l at index l - 1), so every H_t^(l) can be shown or checked.
  public func callAsFunction(_ inputs: Tensor, states: [Tensor]? = nil)
    -> (outputs: Tensor, states: [Tensor], layerOutputs: [Tensor])
  {
    var outputs = inputs
    var finalStates: [Tensor] = [], layerOutputs: [Tensor] = []
    for (i, rnn) in rnns.enumerated() {
      let (steps, state) = rnn(outputs, state: states?[i])
      outputs = Tensor.stack(steps)  // (T, B, H): the next layer's inputs
      finalStates.append(state)
      layerOutputs.append(outputs)
    }
    return (outputs, finalStates, layerOutputs)
  }
}
