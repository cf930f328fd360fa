import CourseKit
import D2L

/// A trained concise model's recurrent layers, re-run one time step and one layer at a time
/// with the library's tape operations and the book's equations, so that every H_t^(l) and
/// every ∂loss/∂H_t^(l) can be read off. The fused layer computes the same numbers (a test
/// checks it) but keeps its per-layer states inside its kernels.
///
/// Letters: T = steps, B = batch, V = vocabulary, h = hidden units, L = layers; l and t count
/// from 0 here and from 1 in what the steps print, as in the book.
public struct LayerwiseRecurrence {
  public let model: RNNModel
  /// Adds `by` (B, h) to H_t^(l) (0-based l and t) as it is computed: a finite-difference
  /// check of ∂loss/∂H_t^(l) moves the state this way and watches the loss.
  public var nudge: (layer: Int, step: Int, by: Tensor)?

  /// Public so that the step's code compiles in the learner's playground, another package.
  public init(model: RNNModel, nudge: (layer: Int, step: Int, by: Tensor)? = nil) {
    self.model = model
    self.nudge = nudge
  }

  /// What one pass computed.
  public struct Pass {
    /// H[l][t], each (B, h): every layer's hidden state at every step.
    public var H: [[Tensor]]
    /// Logits (T·B, V), rows time-major like the model's.
    public var logits: Tensor
    /// probes[l][t], each (B, h): zero leaves (but for a nudge) added to H[l][t]; after `backward()` on a loss,
    /// `probes[l][t].gradient` is ∂loss/∂H_t^(l), through every later step and every layer above.
    public var probes: [[Tensor]]
  }

  /// Runs the model's layers over T·B time-major tokens from a zero state.
  public func callAsFunction(timeMajorTokens tokens: [Int32], steps T: Int, batch B: Int) -> Pass {
    let V = model.vocabSize, h = model.hiddenSize
    let X = Tensor.oneHot(tokens.map(Int.init), shape: [T, B], depth: V)  // (T, B, V)
    var below = (0..<T).map { X[$0] }  // the input of layer 1: H_t^(0) = X_t
    var H: [[Tensor]] = [], probes: [[Tensor]] = []
    for l in 0..<model.numLayers {
      let weights = LayerWeights(model.rnn, layer: l, gates: model.kind.gateCount, hidden: h)
      var state = Tensor.zeros([B, h]), memory = Tensor.zeros([B, h])  // H_{t-1}, and the LSTM's C_{t-1}
      var layerH: [Tensor] = [], layerProbes: [Tensor] = []
      for t in 0..<T {
        (state, memory) = step(weights, x: below[t], H: state, C: memory)
        let probe = (nudge.flatMap { $0.layer == l && $0.step == t ? $0.by : nil } ?? Tensor.zeros([B, h])).requiringGradient()
        state = state + probe  // the same values; the probe's gradient is ∂loss/∂H_t^(l)
        layerH.append(state)
        layerProbes.append(probe)
      }
      H.append(layerH)
      probes.append(layerProbes)
      below = layerH  // the concise layer feeds H upward, never C
    }
    let top = Tensor.stack(below).reshaped([T * B, h])  // (T·B, h)
    let logits = top.matmul(model.linear.weight.detached(), transposeOther: true) + model.linear.bias.detached()
    return Pass(H: H, logits: logits, probes: probes)
  }

  /// One step of one layer, PyTorch's gate order and biases (both b_ih and b_hh).
  private func step(_ w: LayerWeights, x: Tensor, H: Tensor, C: Tensor) -> (H: Tensor, C: Tensor) {
    switch model.kind {
    case .rnn:  // H_t = tanh(X_t W_xh + H_{t-1} W_hh + b_h)
      return (w.gate(0, x, H).tanh(), C)
    case .gru:  // gates r, z, n
      let R = w.gate(0, x, H).sigmoid()
      let Z = w.gate(1, x, H).sigmoid()
      let N = (w.input(2, x) + R * w.hidden(2, H)).tanh()  // candidate H̃_t
      return (N + Z * (H - N), C)  // H_t = Z ⊙ H_{t-1} + (1 − Z) ⊙ H̃_t
    case .lstm:  // gates i, f, g, o
      let I = w.gate(0, x, H).sigmoid()
      let F = w.gate(1, x, H).sigmoid()
      let G = w.gate(2, x, H).tanh()  // candidate memory C̃_t
      let O = w.gate(3, x, H).sigmoid()
      let newC = F * C + I * G
      return (O * newC.tanh(), newC)
    }
  }
}

/// One layer's weights cut into gate blocks, detached from the model (reading them must not
/// add to its gradients).
private struct LayerWeights {
  /// Per gate k: W_ih block (h, input), W_hh block (h, h), b_ih and b_hh blocks (h).
  public let wih: [Tensor], whh: [Tensor], bih: [Tensor], bhh: [Tensor]

  public init(_ rnn: RecurrentLayer, layer l: Int, gates: Int, hidden h: Int) {
    func blocks(_ name: String) -> [Tensor] {
      let p = rnn.parameter(named: "\(name)_l\(l)")!.detached()
      return (0..<gates).map { p[($0 * h)..<(($0 + 1) * h)] }
    }
    wih = blocks("weight_ih")
    whh = blocks("weight_hh")
    bih = blocks("bias_ih")
    bhh = blocks("bias_hh")
  }

  /// X W_ih,kᵀ + b_ih,k: gate k's share of the input.
  public func input(_ k: Int, _ x: Tensor) -> Tensor { x.matmul(wih[k], transposeOther: true) + bih[k] }
  /// H W_hh,kᵀ + b_hh,k: gate k's share of the previous state.
  public func hidden(_ k: Int, _ H: Tensor) -> Tensor { H.matmul(whh[k], transposeOther: true) + bhh[k] }
  /// Both: gate k's pre-activation.
  public func gate(_ k: Int, _ x: Tensor, _ H: Tensor) -> Tensor { input(k, x) + hidden(k, H) }
}
