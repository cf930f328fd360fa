import ExerciseChecks
import D2L
/// What a learner's answer to exercise 1 (a deep RNN stacked by hand from `RNNScratch` layers)
/// must offer so that `Exercise1Check` can verify it.
///
/// The answer builds `numLayers` scratch layers, layer 1 reading the inputs and layer l reading
/// the hidden states of layer l - 1 (the chapter's equation `eq_deep_rnn_H`):
///
///     H_t^(l) = tanh(H_t^(l-1) W_xh^(l) + H_{t-1}^(l) W_hh^(l) + b_h^(l)),  H_t^(0) = X_t
///
/// The library's `StackedRNNScratch` is the project's own answer.
public protocol StackedRNNExercise {
  /// Builds `numLayers` layers: layer 1 is `numInputs` wide at its input, every layer above it
  /// `numHiddens`; all weights are drawn from `generator`.
  init(numInputs: Int, numHiddens: Int, numLayers: Int, using generator: inout RandomGenerator)

  /// The layers, bottom (layer 1) first. The checker writes its own weights into them.
  var rnns: [RNNScratch] { get }

  /// Runs the stack over inputs (T, B, numInputs) from `states` (one (B, H) per layer; zeros
  /// when nil).
  ///
  /// - Returns: the last layer's outputs (T, B, H), each layer's final state (B, H), and every
  ///   layer's outputs (T, B, H), layer l at index l - 1.
  func callAsFunction(_ inputs: Tensor, states: [Tensor]?)
    -> (outputs: Tensor, states: [Tensor], layerOutputs: [Tensor])
}
