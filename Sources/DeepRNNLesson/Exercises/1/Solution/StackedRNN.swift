import D2L
import DeepRNNChecks

// The project's answer to exercise 1 (the same as the library's `StackedRNNScratch`).
// Compare it with yours once `lessons check deep-rnn:1` says you are done.
//
//     H_t^(l) = tanh(H_t^(l-1) W_xh^(l) + H_{t-1}^(l) W_hh^(l) + b_h^(l)),   H_t^(0) = X_t

/// A deep RNN: `numLayers` scratch RNN layers, each reading the one below.
public final class StackedRNN: StackedRNNExercise {
  /// The layers, layer 1 first.
  public let rnns: [RNNScratch]

  public init(numInputs: Int, numHiddens: Int, numLayers: Int, using generator: inout RandomGenerator) {
    // Layer 1 reads the inputs, every layer above the H of the layer below (micrograd's
    // [nin] + nouts). One generator, passed on, gives each layer its own weights.
    rnns = (0..<numLayers).map { i in
      RNNScratch(numInputs: i == 0 ? numInputs : numHiddens, numHiddens: numHiddens, using: &generator)
    }
  }

  /// Runs the layers in turn over `inputs` (T, B, I) from `states` (one (B, H) per layer; nil
  /// means zeros). Returns the last layer's outputs (T, B, H), each layer's final state (B, H),
  /// and each layer's outputs (T, B, H), layer 1 first.
  public func callAsFunction(_ inputs: Tensor, states: [Tensor]? = nil)
    -> (outputs: Tensor, states: [Tensor], layerOutputs: [Tensor])
  {
    var outputs = inputs  // H^(0) = X: (T, B, I)
    var finalStates: [Tensor] = [], layerOutputs: [Tensor] = []
    for (i, rnn) in rnns.enumerated() {
      let (steps, state) = rnn(outputs, state: states?[i])  // T × (B, H), and H_T^(i+1)
      outputs = Tensor.stack(steps)  // (T, B, H): what the next layer reads
      finalStates.append(state)
      layerOutputs.append(outputs)
    }
    return (outputs, finalStates, layerOutputs)
  }
}
