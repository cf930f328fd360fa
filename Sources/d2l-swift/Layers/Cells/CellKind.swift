/// The three recurrent cells of the chapter, with PyTorch's gate layout.
public enum CellKind: String, CaseIterable, Sendable, Codable {
  /// The vanilla RNN with tanh: H_t = tanh(X_t W_xhᵀ + b_ih + H_{t-1} W_hhᵀ + b_hh).
  case rnn
  /// The gated recurrent unit, gates stacked r, z, n (PyTorch's order).
  case gru
  /// Long short-term memory, gates stacked i, f, g, o (PyTorch's order).
  case lstm

  /// How many blocks of H rows `weight_ih` and `weight_hh` stack.
  public var gateCount: Int { cell.gateCount }

  /// Does the state carry a memory cell C as well as H?
  public var hasCellState: Bool { cell.hasCellState }

  /// The name D2L and PyTorch use: `RNN`, `GRU`, `LSTM`.
  public var displayName: String { rawValue.uppercased() }
}
