import D2L
/// Names the likely mistake behind a layer's wrong H_t^(l) by recomputing the layer under each
/// classic wrong wiring (with the library's `RNNScratch` and the case's weights) and seeing which
/// one the answer's values match.
struct Exercise1Diagnosis {
  let c: Exercise1Case
  let data: Exercise1Data
  /// The library's scratch layers holding the case's weights.
  private let oracle: [RNNScratch]

  init(_ c: Exercise1Case, _ data: Exercise1Data) {
    self.c = c
    self.data = data
    var g = RandomGenerator(seed: 0)  // overwritten below
    oracle = data.weights.enumerated().map { l, w in
      let rnn = RNNScratch(numInputs: c.inputWidth(ofLayer: l), numHiddens: c.numHiddens, using: &g)
      overwrite(rnn.W_xh, with: w.W_xh)
      overwrite(rnn.W_hh, with: w.W_hh)
      overwrite(rnn.b_h, with: w.b_h)
      return rnn
    }
  }

  /// Layer `l` (from 0) run over `input` (T, B, width) from `state` (zeros when nil): (T, B, H).
  func run(layer l: Int, input: Tensor, state: Tensor?) -> Tensor {
    withoutGradients { Tensor.stack(oracle[l](input, state: state).outputs) }
  }

  /// Layer `l` with every step started from a zero state: what forgetting H_{t-1} gives.
  func runWithoutRecurrence(layer l: Int, input: Tensor) -> Tensor {
    withoutGradients {
      Tensor.stack((0..<input.shape[0]).map { t in oracle[l](input[t..<(t + 1)], state: nil).state })
    }
  }

  /// Why layer `l` (from 0) gives `got` (T, B, H), as a line for the learner, and whether the
  /// mistake is reading the inputs X (which traps when I ≠ H, so later cases must not run it).
  ///
  /// - Parameters:
  ///   - received: what the answer fed layer l: its own H^(l-1), or X for layer 1.
  ///   - sharesWeights: whether the layers were found sharing weights (then no layer holds its
  ///     own weights and nothing else can be told apart).
  func explain(layer l: Int, got: Tensor, received: Tensor, sharesWeights: Bool)
    -> (message: String, readsInputs: Bool)
  {
    let n = l + 1  // the book counts layers from 1
    if sharesWeights {
      return ("→ the layers share their weights (see above), so layer \(n) cannot hold its own: build a new RNNScratch per layer", false)
    }
    // What the layer received, when it is usable (layer 1 always receives X).
    let input: Tensor? = received.shape == [c.steps, c.batch, c.inputWidth(ofLayer: l)] ? received : nil
    // Each wrong wiring: what the learner is told, whether it reads X, and what it computes.
    var wirings: [(message: String, readsInputs: Bool, values: () -> Tensor)] = []
    if l > 0, let input {
      wirings.append((
        "→ layer \(n) computes the right values from what it received, but what it received (layer \(n - 1)'s outputs) is wrong: fix layer \(n - 1) first",
        false, { run(layer: l, input: input, state: data.H0[l]) }))
    }
    if l > 0, c.numInputs == c.inputWidth(ofLayer: l) {
      wirings.append((
        "→ layer \(n) reads the inputs X instead of layer \(n - 1)'s outputs H^(\(n - 1)): only layer 1 reads X; layer l reads the outputs of layer l-1, stacked into (T, B, H)",
        true, { run(layer: l, input: data.X, state: data.H0[l]) }))
      wirings.append((
        "→ layer \(n) reads the inputs X instead of layer \(n - 1)'s outputs H^(\(n - 1)), and ignores its initial state H_0^(\(n)): feed it the layer below's outputs and states?[\(l)]",
        true, { run(layer: l, input: data.X, state: nil) }))
    }
    if let input {
      wirings.append((
        "→ layer \(n) ignores its previous state: its H_t^(\(n)) match a run from a zero initial state instead of H_0^(\(n)); pass each layer its own initial state (states?[i] to rnns[i])",
        false, { run(layer: l, input: input, state: nil) }))
      wirings.append((
        "→ layer \(n) ignores its previous state: every H_t^(\(n)) matches a step computed from a zero H_{t-1}; run the layer over all T steps in one call so that each step sees the one before",
        false, { runWithoutRecurrence(layer: l, input: input) }))
      for k in 0..<c.numLayers where k != l {
        wirings.append((
          "→ layer \(n) starts from layer \(k + 1)'s initial state: rnns[i] needs states?[i]",
          false, { run(layer: l, input: input, state: data.H0[k]) }))
      }
    }
    for wiring in wirings where TensorComparison(got: got, expected: wiring.values()).passed {
      return (wiring.message, wiring.readsInputs)
    }
    return ("→ these values match none of the usual mistakes; compare your loop with H_t^(l) = tanh(H_t^(l-1) W_xh^(l) + H_{t-1}^(l) W_hh^(l) + b_h^(l))", false)
  }
}
