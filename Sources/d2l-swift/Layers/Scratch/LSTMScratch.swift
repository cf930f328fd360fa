/// Long short-term memory from scratch, as the LSTM section writes it (D2L's `lstm`):
///
///     I_t = σ(X_t W_xi + H_{t-1} W_hi + b_i)                    input gate
///     F_t = σ(X_t W_xf + H_{t-1} W_hf + b_f)                    forget gate
///     O_t = σ(X_t W_xo + H_{t-1} W_ho + b_o)                    output gate
///     C̃_t = tanh(X_t W_xc + H_{t-1} W_hc + b_c)                 candidate memory cell
///     C_t = F_t ⊙ C_{t-1} + I_t ⊙ C̃_t                           memory cell
///     H_t = O_t ⊙ tanh(C_t)                                     hidden state
///
/// The same function as PyTorch's `nn.LSTM` (gates i, f, g = C̃, o) with one bias per gate
/// (PyTorch's two biases add up). With `hiddenTanh: false` the last line is H_t = O_t ⊙ C_t,
/// the variant the section's exercise 4 asks about.
public final class LSTMScratch: ScratchCell {
  /// (inputs, H), (H, H), (H): the input gate's weights and bias.
  public let W_xi: Tensor, W_hi: Tensor, b_i: Tensor
  /// The forget gate's.
  public let W_xf: Tensor, W_hf: Tensor, b_f: Tensor
  /// The output gate's.
  public let W_xo: Tensor, W_ho: Tensor, b_o: Tensor
  /// The candidate memory cell's.
  public let W_xc: Tensor, W_hc: Tensor, b_c: Tensor
  public let numInputs: Int
  public let numHiddens: Int
  /// Does H_t read the memory cell through tanh (the LSTM), or as it is?
  public let hiddenTanh: Bool
  public var hasMemoryCell: Bool { true }

  /// Weights from N(0, σ²), biases zero, drawn in D2L's order (input, forget, output gate,
  /// candidate).
  public init(
    numInputs: Int, numHiddens: Int, hiddenTanh: Bool = true, sigma: Float = 0.01,
    using generator: inout RandomGenerator
  ) {
    check(numInputs > 0 && numHiddens > 0, "LSTMScratch: sizes must be positive (inputs \(numInputs), hiddens \(numHiddens))")
    self.numInputs = numInputs
    self.numHiddens = numHiddens
    self.hiddenTanh = hiddenTanh
    let gates = (0..<4).map { _ in
      GateParameters(numInputs: numInputs, numHiddens: numHiddens, sigma: sigma, using: &generator)
    }
    (W_xi, W_hi, b_i) = (gates[0].W_x, gates[0].W_h, gates[0].b)
    (W_xf, W_hf, b_f) = (gates[1].W_x, gates[1].W_h, gates[1].b)
    (W_xo, W_ho, b_o) = (gates[2].W_x, gates[2].W_h, gates[2].b)
    (W_xc, W_hc, b_c) = (gates[3].W_x, gates[3].W_h, gates[3].b)
  }

  /// A cell that shares `other`'s weight tensors (not copies), with or without the hidden
  /// state's tanh.
  public init(sharing other: LSTMScratch, hiddenTanh: Bool) {
    (numInputs, numHiddens, self.hiddenTanh) = (other.numInputs, other.numHiddens, hiddenTanh)
    (W_xi, W_hi, b_i) = (other.W_xi, other.W_hi, other.b_i)
    (W_xf, W_hf, b_f) = (other.W_xf, other.W_hf, other.b_f)
    (W_xo, W_ho, b_o) = (other.W_xo, other.W_ho, other.b_o)
    (W_xc, W_hc, b_c) = (other.W_xc, other.W_hc, other.b_c)
  }

  public static var kind: CellKind { .lstm }

  /// PyTorch's order i, f, g (the candidate C̃), o.
  public var pyTorchGateBlocks: [(W_x: Tensor, W_h: Tensor, b: Tensor)] {
    [(W_xi, W_hi, b_i), (W_xf, W_hf, b_f), (W_xc, W_hc, b_c), (W_xo, W_ho, b_o)]
  }

  /// In D2L's order.
  public var namedParameters: [(name: String, tensor: Tensor)] {
    [("W_xi", W_xi), ("W_hi", W_hi), ("b_i", b_i), ("W_xf", W_xf), ("W_hf", W_hf), ("b_f", b_f),
     ("W_xo", W_xo), ("W_ho", W_ho), ("b_o", b_o), ("W_xc", W_xc), ("W_hc", W_hc), ("b_c", b_c)]
  }

  public func step(_ X: Tensor, _ state: ScratchState) -> (state: ScratchState, gates: ScratchGates) {
    let (H, C) = (state.H, state.C!)  // (B, H) each: H_{t-1}, C_{t-1}
    // ANCHOR: lstm-step
    let I = (X.matmul(W_xi) + H.matmul(W_hi) + b_i).sigmoid()
    let F = (X.matmul(W_xf) + H.matmul(W_hf) + b_f).sigmoid()
    let O = (X.matmul(W_xo) + H.matmul(W_ho) + b_o).sigmoid()
    let C_tilde = (X.matmul(W_xc) + H.matmul(W_hc) + b_c).tanh()
    let C_t = F * C + I * C_tilde
    let H_t = O * (hiddenTanh ? C_t.tanh() : C_t)
    // ANCHOR_END: lstm-step
    return (ScratchState(H: H_t, C: C_t), ScratchGates([("I", I), ("F", F), ("O", O), ("C_tilde", C_tilde)]))
  }
}
