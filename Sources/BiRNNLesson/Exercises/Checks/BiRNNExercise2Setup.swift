import ExerciseChecks
import D2L

/// One case of bi-rnn's exercise 2 check: sizes and a seed.
struct BiRNNCase {
  let numInputs: Int, numHiddens: Int, numLayers: Int
  let steps = 5, batch = 3
  let seed: UInt64

  var label: String { "L=\(numLayers) (I=\(numInputs), H=\(numHiddens), \(bt("bidirectional")))" }

  /// Layer 1 reads the inputs, every layer above both directions of the layer below.
  func inputWidth(ofLayer l: Int) -> Int { l == 0 ? numInputs : 2 * numHiddens }
}

/// The case's weights (one `LayerWeights` per layer and direction, PyTorch's order), inputs,
/// non-zero initial states, and the random projections of the loss whose gradients are compared.
struct BiRNNData {
  let weights: [LayerWeights]  // 2L: layer 1 forward, layer 1 backward, …
  let X: Tensor  // (T, B, I)
  let H0: [Tensor]  // 2L × (B, H)
  let R: Tensor  // (T, B, 2H): loss = Σ outputs ⊙ R + Σ_k state_k ⊙ S_k
  let S: [Tensor]  // 2L × (B, H)

  init(_ c: BiRNNCase) {
    var g = RandomGenerator(seed: c.seed)
    let (T, B, H) = (c.steps, c.batch, c.numHiddens)
    weights = (0..<(2 * c.numLayers)).map { k in
      LayerWeights(
        W_xh: .normal([c.inputWidth(ofLayer: k / 2), H], std: 0.5, using: &g),
        W_hh: .normal([H, H], std: 0.5, using: &g),
        b_ih: .normal([H], std: 0.3, using: &g),
        b_hh: .normal([H], std: 0.3, using: &g))
    }
    X = .normal([T, B, c.numInputs], using: &g)
    H0 = (0..<(2 * c.numLayers)).map { _ in .normal([B, H], std: 0.5, using: &g) }
    R = .normal([T, B, 2 * H], using: &g)
    S = (0..<(2 * c.numLayers)).map { _ in .normal([B, H], using: &g) }
  }
}

/// What the concise `RNN(bidirectional: true)` computes with the case's weights: the reference.
struct BiRNNExpected {
  let outputs: Tensor  // (T, B, 2H)
  let layerOutputs: [Tensor]  // L × (T, B, 2H)
  let finalStates: [Tensor]  // 2L × (B, H)
  /// Per layer and direction (PyTorch's order), d(loss)/d(W_xh, W_hh, b_h) in the scratch layout.
  let gradients: [(W_xh: Tensor, W_hh: Tensor, b_h: Tensor)]
  /// Every layer's outputs from zero initial states: what an answer that ignores `states` gives.
  let fromZeroStates: [Tensor]
  /// Every layer's outputs with each layer's two initial states swapped.
  let fromSwappedStates: [Tensor]

  init(_ c: BiRNNCase, _ data: BiRNNData) {
    var g = RandomGenerator(seed: 0)  // overwritten below
    let rnn = RNN(inputSize: c.numInputs, hiddenSize: c.numHiddens, numLayers: c.numLayers, bidirectional: true, using: &g)
    func parameter(_ name: String, _ k: Int) -> Tensor {
      rnn.parameter(named: "\(name)_l\(k / 2)" + (k % 2 == 1 ? "_reverse" : ""))!
    }
    for (k, w) in data.weights.enumerated() {
      overwrite(parameter("weight_ih", k), with: withoutGradients { w.W_xh.transposed() })
      overwrite(parameter("weight_hh", k), with: withoutGradients { w.W_hh.transposed() })
      overwrite(parameter("bias_ih", k), with: w.b_ih)
      overwrite(parameter("bias_hh", k), with: w.b_hh)
    }
    var layers: [Tensor] = []
    let (output, state) = rnn(data.X, state: RecurrentState(hidden: .stack(data.H0))) { _, h in layers.append(h) }
    let loss = (output * data.R).sum() + (state.hidden * Tensor.stack(data.S)).sum()
    loss.backward()
    outputs = output.detached()
    layerOutputs = layers.map { $0.detached() }
    finalStates = (0..<(2 * c.numLayers)).map { k in withoutGradients { state.hidden[k] } }
    gradients = (0..<(2 * c.numLayers)).map { k in
      withoutGradients {
        (parameter("weight_ih", k).gradient!.transposed(), parameter("weight_hh", k).gradient!.transposed(),
         parameter("bias_ih", k).gradient!)
      }
    }
    var zeroLayers: [Tensor] = []
    _ = withoutGradients { rnn(data.X) { _, h in zeroLayers.append(h.detached()) } }
    fromZeroStates = zeroLayers
    let swapped = (0..<(2 * c.numLayers)).map { data.H0[$0 ^ 1] }
    var swappedLayers: [Tensor] = []
    _ = withoutGradients { rnn(data.X, state: RecurrentState(hidden: .stack(swapped))) { _, h in swappedLayers.append(h.detached()) } }
    fromSwappedStates = swappedLayers
  }
}

extension Tensor {
  /// The first or the second half of the last axis: one direction of a bidirectional output.
  func half(_ second: Bool) -> Tensor {
    let width = shape.last! / 2
    let rows = count / shape.last!
    let v = scalars
    var out: [Float] = []
    out.reserveCapacity(rows * width)
    for r in 0..<rows {
      let start = r * 2 * width + (second ? width : 0)
      out += v[start..<(start + width)]
    }
    return Tensor(shape: Array(shape.dropLast()) + [width], out)
  }

  /// The two halves of the last axis swapped: [←H, →H] for [→H, ←H].
  func halvesSwapped() -> Tensor {
    Tensor.concatenate([half(true), half(false)], alongAxis: rank - 1)
  }

  /// The backward half turned over in time: what forgetting to reverse it back gives.
  func backwardHalfReversed() -> Tensor {
    let b = half(true)
    let reversed = Tensor.stack((0..<shape[0]).reversed().map { b[$0] })
    return Tensor.concatenate([half(false), reversed], alongAxis: rank - 1)
  }
}
