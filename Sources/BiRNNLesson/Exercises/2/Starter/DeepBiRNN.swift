import D2L
import BiRNNChecks

// Exercise 2 of "Bidirectional Recurrent Neural Networks": design a bidirectional RNN with
// several hidden layers, from scratch. Layer l has a forward and a backward RNNScratch; layer 1
// reads the inputs X, every layer above reads the layer below's H_t = [→H_t, ←H_t], 2H wide:
//
//     →H_t^(l) = tanh(H_t^(l-1) →W_xh^(l) + →H_{t-1}^(l) →W_hh^(l) + →b_h^(l))
//     ←H_t^(l) = tanh(H_t^(l-1) ←W_xh^(l) + ←H_{t+1}^(l) ←W_hh^(l) + ←b_h^(l))
//
// Fill in the `TODO`s, then run `lessons check bi-rnn:2`. Stuck?
// `lessons hint bi-rnn:2`. Start over: `lessons reset bi-rnn:2`.
// Shapes: T = steps, B = batch, I = numInputs, H = numHiddens.

/// Your deep bidirectional RNN: `numLayers` layers, each a forward and a backward scratch RNN.
public final class DeepBiRNN: DeepBiRNNExercise {
  /// Each layer's two directions, layer 1 first.
  public let layers: [(forward: RNNScratch, backward: RNNScratch)]

  public init(numInputs: Int, numHiddens: Int, numLayers: Int, using generator: inout RandomGenerator) {
    // TODO: build `numLayers` layers; each is two separate layers
    //     RNNScratch(numInputs: ..., numHiddens: numHiddens, using: &generator)
    // (forward first). How wide is the input of layer 1, and of the layers above it?
    layers = []
  }

  /// Runs the layers over `inputs` (T, B, I) from `states` (2 per layer, (B, H) each, in the
  /// order layer 1 forward, layer 1 backward, layer 2 forward, …; nil means zeros). Returns the
  /// top layer's outputs (T, B, 2H), the final states in the same order, and every layer's
  /// outputs (T, B, 2H), layer 1 first.
  public func callAsFunction(_ inputs: Tensor, states: [Tensor]? = nil)
    -> (outputs: Tensor, states: [Tensor], layerOutputs: [Tensor])
  {
    // TODO: for each layer, run the forward RNN over the layer's input sequence, and the
    // backward RNN over the same sequence in reverse (Tensor.stack of x[t] for t from T-1 down
    // to 0). Put the backward states back in time order, then concatenate both along the last
    // axis (Tensor.concatenate(_, alongAxis: 2)): that is the next layer's input.
    return (inputs, [], [])  // TODO: the top layer's outputs, the final states, every layer's outputs
  }
}
