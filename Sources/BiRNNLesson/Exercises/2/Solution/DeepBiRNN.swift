import D2L
import BiRNNChecks

// Exercise 2 of "Bidirectional Recurrent Neural Networks": a bidirectional RNN with several
// hidden layers, from scratch. Layer l has a forward and a backward RNNScratch; layer 1 reads
// the inputs X, every layer above reads the layer below's H_t = [→H_t, ←H_t], 2H wide:
//
//     →H_t^(l) = tanh(H_t^(l-1) →W_xh^(l) + →H_{t-1}^(l) →W_hh^(l) + →b_h^(l))
//     ←H_t^(l) = tanh(H_t^(l-1) ←W_xh^(l) + ←H_{t+1}^(l) ←W_hh^(l) + ←b_h^(l))
//
// The project's answer.

/// A deep bidirectional RNN: `numLayers` layers, each a forward and a backward scratch RNN.
public final class DeepBiRNN: DeepBiRNNExercise {
  public let layers: [(forward: RNNScratch, backward: RNNScratch)]

  public init(numInputs: Int, numHiddens: Int, numLayers: Int, using generator: inout RandomGenerator) {
    layers = (0..<numLayers).map { l in
      let width = l == 0 ? numInputs : 2 * numHiddens
      let forward = RNNScratch(numInputs: width, numHiddens: numHiddens, using: &generator)
      let backward = RNNScratch(numInputs: width, numHiddens: numHiddens, using: &generator)
      return (forward, backward)
    }
  }

  public func callAsFunction(_ inputs: Tensor, states: [Tensor]? = nil)
    -> (outputs: Tensor, states: [Tensor], layerOutputs: [Tensor])
  {
    var outputs = inputs
    var finalStates: [Tensor] = [], layerOutputs: [Tensor] = []
    for (l, layer) in layers.enumerated() {
      let (forwardSteps, forwardFinal) = layer.forward(outputs, state: states?[2 * l])
      let reversed = Tensor.stack((0..<outputs.shape[0]).reversed().map { outputs[$0] })
      let (backwardSteps, backwardFinal) = layer.backward(reversed, state: states?[2 * l + 1])
      outputs = Tensor.concatenate(
        [Tensor.stack(forwardSteps), Tensor.stack(backwardSteps.reversed())], alongAxis: 2)
      finalStates += [forwardFinal, backwardFinal]
      layerOutputs.append(outputs)
    }
    return (outputs, finalStates, layerOutputs)
  }
}
