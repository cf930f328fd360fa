import ExerciseChecks
import D2L

/// What a learner's answer to bi-rnn's exercise 2 (a multi-layer bidirectional RNN built from
/// `RNNScratch` layers) must offer so that `BiRNNExercise2Check` can verify it.
///
/// Layer l has a forward and a backward `RNNScratch`, each `numHiddens` wide. Layer 1 reads the
/// inputs; layer l > 1 reads the layer below's H_t = [→H_t, ←H_t], 2·numHiddens wide:
///
///     →H_t^(l) = tanh(H_t^(l-1) →W_xh^(l) + →H_{t-1}^(l) →W_hh^(l) + →b_h^(l))
///     ←H_t^(l) = tanh(H_t^(l-1) ←W_xh^(l) + ←H_{t+1}^(l) ←W_hh^(l) + ←b_h^(l))
///     H_t^(l)  = [→H_t^(l), ←H_t^(l)],  H_t^(0) = X_t
public protocol DeepBiRNNExercise {
  /// Builds `numLayers` layers of two directions each; all weights are drawn from `generator`.
  init(numInputs: Int, numHiddens: Int, numLayers: Int, using generator: inout RandomGenerator)

  /// Each layer's two directions, bottom layer first. The checker writes its own weights
  /// into them.
  var layers: [(forward: RNNScratch, backward: RNNScratch)] { get }

  /// Runs the layers over inputs (T, B, numInputs) from `states`: 2·numLayers tensors (B, H)
  /// in PyTorch's order (layer 1 forward, layer 1 backward, layer 2 forward, …); zeros when nil.
  ///
  /// - Returns: the top layer's outputs (T, B, 2H), the final states in the same order as
  ///   `states` (a forward state after X_T, a backward one after X_1), and every layer's
  ///   outputs (T, B, 2H), layer l at index l - 1.
  func callAsFunction(_ inputs: Tensor, states: [Tensor]?)
    -> (outputs: Tensor, states: [Tensor], layerOutputs: [Tensor])
}
