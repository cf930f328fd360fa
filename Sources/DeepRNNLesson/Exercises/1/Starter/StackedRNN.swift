import D2L
import DeepRNNChecks

// Exercise 1 of "Deep Recurrent Neural Networks": implement a two-layer RNN from scratch by
// stacking the single-layer `RNNScratch` (and let it take any number of layers). The chapter's
// equation, with H_t^(0) = X_t:
//
//     H_t^(l) = tanh(H_t^(l-1) W_xh^(l) + H_{t-1}^(l) W_hh^(l) + b_h^(l))
//
// Fill in the `TODO`s, then run `lessons check deep-rnn:1`. Stuck? `lessons hint deep-rnn:1`. Start over:
// `lessons reset deep-rnn:1`. Shapes: T = steps, B = batch, I = numInputs, H = numHiddens.

/// Your deep RNN: `numLayers` scratch RNN layers, each reading the one below.
public final class StackedRNN: StackedRNNExercise {
  /// The layers, layer 1 first.
  public let rnns: [RNNScratch]

  public init(numInputs: Int, numHiddens: Int, numLayers: Int, using generator: inout RandomGenerator) {
    // TODO: build `numLayers` layers, each with
    //     RNNScratch(numInputs: ..., numHiddens: numHiddens, using: &generator)
    // Layer 1 reads the inputs (numInputs wide); each layer above it reads the hidden states of
    // the layer below (numHiddens wide).
    rnns = []
  }

  /// Runs the layers in turn over `inputs` (T, B, I) from `states` (one (B, H) per layer; nil
  /// means zeros). Returns the last layer's outputs (T, B, H), each layer's final state (B, H),
  /// and each layer's outputs (T, B, H), layer 1 first.
  public func callAsFunction(_ inputs: Tensor, states: [Tensor]? = nil)
    -> (outputs: Tensor, states: [Tensor], layerOutputs: [Tensor])
  {
    // TODO: start from H^(0) = X (`inputs`). For each layer i, run rnns[i] over the outputs of
    // the layer below, from its own initial state states?[i]. It returns its T steps (each
    // (B, H)) and its final state; Tensor.stack(steps) is its outputs (T, B, H), which the next
    // layer reads. Collect every layer's final state and outputs.
    return (inputs, [], [])  // TODO: return the last layer's outputs, the final states, every layer's outputs
  }
}
