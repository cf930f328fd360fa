import ExerciseChecks
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
      return (ct("diagnosis.shared", ["layer": n]), false)
    }
    // What the layer received, when it is usable (layer 1 always receives X).
    let input: Tensor? = received.shape == [c.steps, c.batch, c.inputWidth(ofLayer: l)] ? received : nil
    // Each wrong wiring: what the learner is told, whether it reads X, and what it computes.
    var wirings: [(message: String, readsInputs: Bool, values: () -> Tensor)] = []
    if l > 0, let input {
      wirings.append((
        ct("diagnosis.received", ["layer": n, "below": n - 1]),
        false, { run(layer: l, input: input, state: data.H0[l]) }))
    }
    if l > 0, c.numInputs == c.inputWidth(ofLayer: l) {
      wirings.append((
        ct("diagnosis.readsX", ["layer": n, "below": n - 1]),
        true, { run(layer: l, input: data.X, state: data.H0[l]) }))
      wirings.append((
        ct("diagnosis.readsXNoState", ["layer": n, "below": n - 1, "index": l]),
        true, { run(layer: l, input: data.X, state: nil) }))
    }
    if let input {
      wirings.append((
        ct("diagnosis.zeroState", ["layer": n]),
        false, { run(layer: l, input: input, state: nil) }))
      wirings.append((
        ct("diagnosis.noRecurrence", ["layer": n]),
        false, { runWithoutRecurrence(layer: l, input: input) }))
      for k in 0..<c.numLayers where k != l {
        wirings.append((
          ct("diagnosis.otherState", ["layer": n, "other": k + 1]),
          false, { run(layer: l, input: input, state: data.H0[k]) }))
      }
    }
    for wiring in wirings where TensorComparison(got: got, expected: wiring.values()).passed {
      return (wiring.message, wiring.readsInputs)
    }
    return (ct("diagnosis.unknown"), false)
  }
}
