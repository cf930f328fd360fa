/// A recurrent cell written from its section's equations, one time step at a time on the tape
/// (D2L's `gru` and `lstm` functions of the scratch implementations): slower than the fused
/// layers, but every gate is a tensor that can be printed, drawn and differentiated.
///
/// Letters: B = batch, H = numHiddens, inputs = numInputs.
public protocol ScratchCell: Module {
  var numInputs: Int { get }
  var numHiddens: Int { get }
  /// Does the state carry a memory cell C as well as H (the LSTM)?
  var hasMemoryCell: Bool { get }
  /// The concise layer this cell is a scratch version of.
  static var kind: CellKind { get }
  /// Each gate's W_x (inputs, H), W_h (H, H) and b (H), in the order the concise layer stacks
  /// them (PyTorch's): how the weights move between the two.
  var pyTorchGateBlocks: [(W_x: Tensor, W_h: Tensor, b: Tensor)] { get }
  /// One time step from X_t (B, inputs) and the previous state: the new state and the gates
  /// that made it, in the order the section introduces them.
  func step(_ X: Tensor, _ state: ScratchState) -> (state: ScratchState, gates: ScratchGates)
}

/// The state a scratch cell carries from step to step: H (B, H), and for an LSTM the memory
/// cell C (B, H).
public struct ScratchState {
  public var H: Tensor
  public var C: Tensor?

  public init(H: Tensor, C: Tensor? = nil) {
    self.H = H
    self.C = C
  }
}

/// The gates of one time step, by the section's symbols (`R`, `Z`, `H_tilde` for a GRU; `I`,
/// `F`, `O`, `C_tilde` for an LSTM), each (B, H), in the order the section introduces them.
public struct ScratchGates {
  public let values: [(symbol: String, value: Tensor)]

  public init(_ values: [(symbol: String, value: Tensor)]) { self.values = values }

  /// The gate called `symbol`, if this cell has it.
  public subscript(symbol: String) -> Tensor? { values.first { $0.symbol == symbol }?.value }

  /// The symbols, in order.
  public var symbols: [String] { values.map(\.symbol) }
}

extension ScratchCell {
  /// A zero state for `batchSize` sequences (D2L's `init_gru_state`, `init_lstm_state`).
  public func zeroState(batchSize: Int) -> ScratchState {
    ScratchState(H: .zeros([batchSize, numHiddens]), C: hasMemoryCell ? .zeros([batchSize, numHiddens]) : nil)
  }

  /// Runs over inputs (T, B, inputs) from `state` (zeros when nil). Returns each step's H_t
  /// (B, H), the last state and each step's gates.
  public func callAsFunction(_ inputs: Tensor, state: ScratchState? = nil)
    -> (outputs: [Tensor], state: ScratchState, gates: [ScratchGates])
  {
    check(inputs.rank == 3 && inputs.shape[2] == numInputs,
          "\(Self.self): inputs \(Tensor.describe(inputs.shape)) are not (steps, batch, \(numInputs))")
    var state = state ?? zeroState(batchSize: inputs.shape[1])
    let expected = [inputs.shape[1], numHiddens]
    check(state.H.shape == expected,
          "\(Self.self): state \(Tensor.describe(state.H.shape)) is not (batch, hiddens) = \(Tensor.describe(expected))")
    check(hasMemoryCell == (state.C != nil) && (state.C == nil || state.C!.shape == expected),
          "\(Self.self): the memory cell C must be \(hasMemoryCell ? Tensor.describe(expected) : "absent")")
    var outputs: [Tensor] = [], gates: [ScratchGates] = []
    for t in 0..<inputs.shape[0] {
      let (next, g) = step(inputs[t], state)
      state = next
      outputs.append(next.H)
      gates.append(g)
    }
    return (outputs, state, gates)
  }
}

/// Weights of a scratch cell: D2L's `three()` draws, for each gate, W_x· (inputs, H) and W_h·
/// (H, H) from N(0, σ²) and sets b· (H) to zero.
struct GateParameters {
  let W_x: Tensor
  let W_h: Tensor
  let b: Tensor

  init(numInputs: Int, numHiddens: Int, sigma: Float, using generator: inout RandomGenerator) {
    W_x = Tensor.normal([numInputs, numHiddens], std: sigma, using: &generator).requiringGradient()
    W_h = Tensor.normal([numHiddens, numHiddens], std: sigma, using: &generator).requiringGradient()
    b = Tensor.zeros([numHiddens]).requiringGradient()
  }

  /// X W_x + H W_h + b: the affine part every gate shares.
  func affine(_ X: Tensor, _ H: Tensor) -> Tensor { X.matmul(W_x) + H.matmul(W_h) + b }
}

extension RNNScratch: ScratchCell {
  public var hasMemoryCell: Bool { false }
  public static var kind: CellKind { .rnn }
  public var pyTorchGateBlocks: [(W_x: Tensor, W_h: Tensor, b: Tensor)] { [(W_xh, W_hh, b_h)] }

  /// H_t = tanh(X_t W_xh + H_{t-1} W_hh + b_h); the vanilla RNN has no gates.
  public func step(_ X: Tensor, _ state: ScratchState) -> (state: ScratchState, gates: ScratchGates) {
    (ScratchState(H: (X.matmul(W_xh) + state.H.matmul(W_hh) + b_h).tanh()), ScratchGates([]))
  }
}
