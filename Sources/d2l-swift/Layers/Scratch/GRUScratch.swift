/// The gated recurrent unit from scratch, as the GRU section writes it (D2L's `gru`):
///
///     R_t = σ(X_t W_xr + H_{t-1} W_hr + b_r)                    reset gate
///     Z_t = σ(X_t W_xz + H_{t-1} W_hz + b_z)                    update gate
///     H̃_t = tanh(X_t W_xh + (R_t ⊙ H_{t-1}) W_hh + b_h)         candidate state
///     H_t = Z_t ⊙ H_{t-1} + (1 − Z_t) ⊙ H̃_t
///
/// Built from tape operations, so its gradients come from autodiff. Two choices make the
/// section's exercise 4 and the comparison with PyTorch possible:
/// - `gates`: both (the GRU), only the reset gate (Z_t = 0, so H_t = H̃_t) or only the update
///   gate (R_t = 1, so H̃_t reads all of H_{t-1});
/// - `resetPlacement`: the book resets the state before the product, (R_t ⊙ H_{t-1}) W_hh;
///   PyTorch's `nn.GRU` (as cuDNN) resets the product, R_t ⊙ (H_{t-1} W_hh). They are different
///   functions; with the second one the cell computes exactly what the fused `GRU` does (with
///   `bias_hh`'s candidate block at zero).
public final class GRUScratch: ScratchCell {
  /// Which gates the cell has.
  public enum Gates: String, CaseIterable, Sendable {
    case both, resetOnly, updateOnly
    var hasReset: Bool { self != .updateOnly }
    var hasUpdate: Bool { self != .resetOnly }
  }

  /// Where the reset gate multiplies.
  public enum ResetPlacement: Sendable {
    /// (R_t ⊙ H_{t-1}) W_hh, the section's equation (Cho et al., 2014).
    case beforeProduct
    /// R_t ⊙ (H_{t-1} W_hh), PyTorch's and cuDNN's.
    case afterProduct
  }

  /// (inputs, H), (H, H), (H): the update gate's weights and bias.
  public let W_xz: Tensor, W_hz: Tensor, b_z: Tensor
  /// The reset gate's.
  public let W_xr: Tensor, W_hr: Tensor, b_r: Tensor
  /// The candidate state's.
  public let W_xh: Tensor, W_hh: Tensor, b_h: Tensor
  public let numInputs: Int
  public let numHiddens: Int
  public let gates: Gates
  public let resetPlacement: ResetPlacement
  public var hasMemoryCell: Bool { false }

  /// Weights from N(0, σ²), biases zero, drawn in D2L's order (update gate, reset gate,
  /// candidate), so that every variant with the same seed has the same weights.
  public init(
    numInputs: Int, numHiddens: Int, gates: Gates = .both, resetPlacement: ResetPlacement = .beforeProduct,
    sigma: Float = 0.01, using generator: inout RandomGenerator
  ) {
    check(numInputs > 0 && numHiddens > 0, "GRUScratch: sizes must be positive (inputs \(numInputs), hiddens \(numHiddens))")
    self.numInputs = numInputs
    self.numHiddens = numHiddens
    self.gates = gates
    self.resetPlacement = resetPlacement
    let update = GateParameters(numInputs: numInputs, numHiddens: numHiddens, sigma: sigma, using: &generator)
    let reset = GateParameters(numInputs: numInputs, numHiddens: numHiddens, sigma: sigma, using: &generator)
    let candidate = GateParameters(numInputs: numInputs, numHiddens: numHiddens, sigma: sigma, using: &generator)
    (W_xz, W_hz, b_z) = (update.W_x, update.W_h, update.b)
    (W_xr, W_hr, b_r) = (reset.W_x, reset.W_h, reset.b)
    (W_xh, W_hh, b_h) = (candidate.W_x, candidate.W_h, candidate.b)
  }

  /// A cell of another variant that shares `other`'s weight tensors (not copies): the same
  /// numbers, and gradients that reach the same parameters.
  public init(sharing other: GRUScratch, gates: Gates? = nil, resetPlacement: ResetPlacement? = nil) {
    (numInputs, numHiddens) = (other.numInputs, other.numHiddens)
    self.gates = gates ?? other.gates
    self.resetPlacement = resetPlacement ?? other.resetPlacement
    (W_xz, W_hz, b_z) = (other.W_xz, other.W_hz, other.b_z)
    (W_xr, W_hr, b_r) = (other.W_xr, other.W_hr, other.b_r)
    (W_xh, W_hh, b_h) = (other.W_xh, other.W_hh, other.b_h)
  }

  public static var kind: CellKind { .gru }

  /// PyTorch's order r, z, n (all three, whatever the variant).
  public var pyTorchGateBlocks: [(W_x: Tensor, W_h: Tensor, b: Tensor)] {
    [(W_xr, W_hr, b_r), (W_xz, W_hz, b_z), (W_xh, W_hh, b_h)]
  }

  /// The parameters the cell uses, in D2L's order (a gate the variant lacks has none).
  public var namedParameters: [(name: String, tensor: Tensor)] {
    (gates.hasUpdate ? [("W_xz", W_xz), ("W_hz", W_hz), ("b_z", b_z)] : [])
      + (gates.hasReset ? [("W_xr", W_xr), ("W_hr", W_hr), ("b_r", b_r)] : [])
      + [("W_xh", W_xh), ("W_hh", W_hh), ("b_h", b_h)]
  }

  public func step(_ X: Tensor, _ state: ScratchState) -> (state: ScratchState, gates: ScratchGates) {
    gates == .both && resetPlacement == .beforeProduct ? bookStep(X, state.H) : variantStep(X, state.H)
  }

  /// The section's four equations, as the lesson shows them. H is H_{t-1} (B, H).
  private func bookStep(_ X: Tensor, _ H: Tensor) -> (state: ScratchState, gates: ScratchGates) {
    // ANCHOR: gru-step
    let R = (X.matmul(W_xr) + H.matmul(W_hr) + b_r).sigmoid()
    let Z = (X.matmul(W_xz) + H.matmul(W_hz) + b_z).sigmoid()
    let H_tilde = (X.matmul(W_xh) + (R * H).matmul(W_hh) + b_h).tanh()
    let H_t = Z * H + (1 - Z) * H_tilde
    // ANCHOR_END: gru-step
    return (ScratchState(H: H_t), ScratchGates([("R", R), ("Z", Z), ("H_tilde", H_tilde)]))
  }

  /// A GRU with a gate left out, or with PyTorch's reset placement: the same equations with
  /// Z_t = 0 (no update gate) or R_t = 1 (no reset gate).
  private func variantStep(_ X: Tensor, _ H: Tensor) -> (state: ScratchState, gates: ScratchGates) {
    let R = gates.hasReset ? (X.matmul(W_xr) + H.matmul(W_hr) + b_r).sigmoid() : nil
    let Z = gates.hasUpdate ? (X.matmul(W_xz) + H.matmul(W_hz) + b_z).sigmoid() : nil
    let recurrent: Tensor
    switch (R, resetPlacement) {
    case (nil, _): recurrent = H.matmul(W_hh)
    case (let R?, .beforeProduct): recurrent = (R * H).matmul(W_hh)
    case (let R?, .afterProduct): recurrent = R * H.matmul(W_hh)
    }
    let H_tilde = (X.matmul(W_xh) + recurrent + b_h).tanh()
    let H_t = Z.map { $0 * H + (1 - $0) * H_tilde } ?? H_tilde
    let named: [(symbol: String, value: Tensor?)] = [("R", R), ("Z", Z), ("H_tilde", H_tilde)]
    return (ScratchState(H: H_t), ScratchGates(named.compactMap { g in g.value.map { (g.symbol, $0) } }))
  }
}
