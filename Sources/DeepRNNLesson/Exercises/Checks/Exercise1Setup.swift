import ExerciseChecks
import D2L
/// The fixed problem exercise 1 is checked on: sizes, seeded weights, inputs, initial states,
/// and the loss projections. Letters: T = steps, B = batch, I = inputs, H = hiddens, L = layers.
struct Exercise1Case {
  let numInputs: Int, numHiddens: Int, numLayers: Int
  let steps = 5, batch = 3
  let seed: UInt64

  /// `L=2 (I=5, H=4)`: how the rows name this case.
  var label: String {
    numInputs == numHiddens
      ? ct("label.square", ["layers": numLayers, "hidden": numHiddens])
      : ct("label", ["layers": numLayers, "inputs": numInputs, "hidden": numHiddens])
  }

  /// Layer l's input width (l from 0): I for the first layer, H above it.
  func inputWidth(ofLayer l: Int) -> Int { l == 0 ? numInputs : numHiddens }
}

/// Everything random about one case, drawn from its seed: the same every run.
struct Exercise1Data {
  let weights: [LayerWeights]  // L
  let X: Tensor  // (T, B, I)
  let H0: [Tensor]  // L × (B, H), not zero: an answer that ignores them must show
  let R: Tensor  // (T, B, H): loss = Σ outputs ⊙ R + Σ_l H_T^(l) ⊙ S_l
  let S: [Tensor]  // L × (B, H)

  init(_ c: Exercise1Case) {
    var g = RandomGenerator(seed: c.seed)
    let (T, B, H) = (c.steps, c.batch, c.numHiddens)
    // std 0.5: large enough that tanh is not linear and every term changes the result.
    weights = (0..<c.numLayers).map { l in
      LayerWeights(
        W_xh: .normal([c.inputWidth(ofLayer: l), H], std: 0.5, using: &g),
        W_hh: .normal([H, H], std: 0.5, using: &g),
        b_ih: .normal([H], std: 0.3, using: &g),
        b_hh: .normal([H], std: 0.3, using: &g))
    }
    X = .normal([T, B, c.numInputs], using: &g)
    H0 = (0..<c.numLayers).map { _ in .normal([B, H], std: 0.5, using: &g) }
    R = .normal([T, B, H], using: &g)
    S = (0..<c.numLayers).map { _ in .normal([B, H], using: &g) }
  }
}

/// What a right answer gives, computed by the concise `RNN(numLayers:)` with the same weights:
/// outputs, every layer's H, final states, and the gradients in the scratch layout.
struct Exercise1Expected {
  let outputs: Tensor  // (T, B, H)
  let layerOutputs: [Tensor]  // L × (T, B, H)
  let finalStates: [Tensor]  // L × (B, H)
  /// Per layer: dW_xh (in, H), dW_hh (H, H), db_h (H).
  let gradients: [(W_xh: Tensor, W_hh: Tensor, b_h: Tensor)]

  init(_ c: Exercise1Case, _ data: Exercise1Data) {
    var g = RandomGenerator(seed: 0)  // overwritten below
    let rnn = RNN(inputSize: c.numInputs, hiddenSize: c.numHiddens, numLayers: c.numLayers, using: &g)
    for (l, w) in data.weights.enumerated() {
      overwrite(rnn.parameter(named: "weight_ih_l\(l)")!, with: withoutGradients { w.W_xh.transposed() })
      overwrite(rnn.parameter(named: "weight_hh_l\(l)")!, with: withoutGradients { w.W_hh.transposed() })
      overwrite(rnn.parameter(named: "bias_ih_l\(l)")!, with: w.b_ih)
      overwrite(rnn.parameter(named: "bias_hh_l\(l)")!, with: w.b_hh)
    }
    var layers: [Tensor] = []
    let (output, state) = rnn(data.X, state: RecurrentState(hidden: .stack(data.H0))) { _, h in layers.append(h) }
    let loss = (output * data.R).sum() + (state.hidden * Tensor.stack(data.S)).sum()
    loss.backward()
    outputs = output.detached()
    layerOutputs = layers.map { $0.detached() }
    finalStates = (0..<c.numLayers).map { l in withoutGradients { state.hidden[l] } }
    gradients = (0..<c.numLayers).map { l in
      let grad = { (name: String) in rnn.parameter(named: "\(name)_l\(l)")!.gradient! }
      return withoutGradients {
        (grad("weight_ih").transposed(), grad("weight_hh").transposed(), grad("bias_ih"))
      }
    }
  }
}
