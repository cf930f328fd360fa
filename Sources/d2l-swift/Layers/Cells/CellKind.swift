/// The three recurrent cells of the chapter, with PyTorch's gate layout.
public enum CellKind: String, CaseIterable, Sendable, Codable {
  /// The vanilla RNN with tanh: H_t = tanh(X_t W_xhᵀ + b_ih + H_{t-1} W_hhᵀ + b_hh).
  case rnn
  /// The gated recurrent unit, gates stacked r, z, n (PyTorch's order).
  case gru
  /// Long short-term memory, gates stacked i, f, g, o (PyTorch's order).
  case lstm

  /// The name a learner types (`rnn`, `gru`, `lstm`): a step's `cell` choice, a checkpoint's
  /// metadata, `lessons train --cell`.
  public var name: String { rawValue }

  /// Every cell's `name`, in order: the choices a step or a command offers.
  public static var names: [String] { allCases.map(\.name) }

  /// The cell called `name`, or nil.
  public init?(name: String) { self.init(rawValue: name) }

  /// The PyTorch names of the gate blocks that `weight_ih` and `weight_hh` stack, in order
  /// (`r z n` for the GRU, `i f g o` for the LSTM; the RNN's single block is unnamed, `""`).
  public var gateNames: [String] { cell.gates }

  /// How many blocks of H rows `weight_ih` and `weight_hh` stack.
  public var gateCount: Int { cell.gateCount }

  /// The cell whose weights stack `gateCount` blocks, or nil: how a checkpoint's shapes name
  /// its cell.
  public init?(gateCount: Int) {
    guard let kind = Self.allCases.first(where: { $0.gateCount == gateCount }) else { return nil }
    self = kind
  }

  /// Does the state carry a memory cell C as well as H?
  public var hasCellState: Bool { cell.hasCellState }

  /// The name D2L and PyTorch use: `RNN`, `GRU`, `LSTM`.
  public var displayName: String { rawValue.uppercased() }
}
