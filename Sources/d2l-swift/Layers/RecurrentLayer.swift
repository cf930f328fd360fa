/// The state a recurrent network carries between steps: H, and for the LSTM also the memory
/// cell C, each shaped (numLayers, batch, hidden) as in PyTorch.
public struct RecurrentState {
  /// (L, B, H)
  public var hidden: Tensor
  /// (L, B, H), LSTM only.
  public var cell: Tensor?

  public init(hidden: Tensor, cell: Tensor? = nil) {
    self.hidden = hidden
    self.cell = cell
  }

  /// The same values, cut from the tape (D2L detaches the state between sequential minibatches).
  public func detached() -> RecurrentState {
    RecurrentState(hidden: hidden.detached(), cell: cell?.detached())
  }
}

/// A multi-layer recurrent network with PyTorch's parameters, shapes and semantics: the concise
/// `nn.RNN`, `nn.GRU` and `nn.LSTM` of the chapter, with `numLayers`.
///
/// Layer 0 reads the input; layer l > 0 reads the outputs H_t^(l-1) of the layer below
/// (the chapter's H_t^(l) = φ(H_t^(l-1) W_xh^(l) + H_{t-1}^(l) W_hh^(l) + b_h^(l))).
/// Parameters per layer l: `weight_ih_l{l}` (G·H, input), `weight_hh_l{l}` (G·H, H),
/// `bias_ih_l{l}` and `bias_hh_l{l}` (G·H), with G = 1, 3, 4 gates for RNN, GRU, LSTM.
public class RecurrentLayer: Module {
  public let kind: CellKind
  public let inputSize: Int
  public let hiddenSize: Int
  public let numLayers: Int
  let layers: [RecurrentLayerPass]
  private var workspaces: [RecurrentWorkspace?]
  /// The threads that share each layer's time loop.
  let team = WorkerTeam.shared
  /// How many threads share each time loop (by sequences, or by hidden units for a small
  /// batch): nil chooses (the team's size when the per-step product is big enough to be worth
  /// splitting, else 1); tests set it to compare the two.
  public var parallelism: Int?

  /// PyTorch's initialisation: every weight and bias from U(-1/√H, 1/√H).
  public init(kind: CellKind, inputSize: Int, hiddenSize: Int, numLayers: Int = 1, using generator: inout RandomGenerator) {
    check(inputSize > 0 && hiddenSize > 0 && numLayers > 0,
                 "\(kind.displayName): sizes must be positive (input \(inputSize), hidden \(hiddenSize), layers \(numLayers))")
    self.kind = kind
    self.inputSize = inputSize
    self.hiddenSize = hiddenSize
    self.numLayers = numLayers
    let bound = 1 / Float(hiddenSize).squareRoot()
    let gh = kind.gateCount * hiddenSize
    var layers: [RecurrentLayerPass] = []
    for l in 0..<numLayers {
      let input = l == 0 ? inputSize : hiddenSize  // micrograd's [nin] + nouts
      layers.append(RecurrentLayerPass(
        kind: kind,
        weightIH: uniformParameter([gh, input], bound: bound, using: &generator),
        weightHH: uniformParameter([gh, hiddenSize], bound: bound, using: &generator),
        biasIH: uniformParameter([gh], bound: bound, using: &generator),
        biasHH: uniformParameter([gh], bound: bound, using: &generator)))
    }
    self.layers = layers
    workspaces = Array(repeating: nil, count: numLayers)
  }

  public var namedParameters: [(name: String, tensor: Tensor)] {
    layers.enumerated().flatMap { l, p in
      zip(RecurrentParameter.allCases, [p.weightIH, p.weightHH, p.biasIH, p.biasHH]).map { ($0.name(layer: l), $1) }
    }
  }

  /// A zero state for `batchSize` sequences: D2L's `begin_state`.
  public func beginState(batchSize: Int) -> RecurrentState {
    let shape = [numLayers, batchSize, hiddenSize]
    return RecurrentState(hidden: .zeros(shape), cell: kind.hasCellState ? .zeros(shape) : nil)
  }

  /// Runs all layers over dense input (T, B, inputSize). Returns the last layer's outputs
  /// (T, B, H) and the final state (L, B, H).
  public func callAsFunction(
    _ x: Tensor, state: RecurrentState? = nil, observe: ((_ layer: Int, _ outputs: Tensor) -> Void)? = nil
  ) -> (output: Tensor, state: RecurrentState) {
    check(x.rank == 3 && x.shape[2] == inputSize,
                 "\(kind.displayName): input \(Tensor.describe(x.shape)) is not (steps, batch, \(inputSize))")
    return run(.dense(x), steps: x.shape[0], batch: x.shape[1], state: state, observe: observe)
  }

  /// Runs all layers over T·B time-major tokens that stand for one-hot vectors of size
  /// `inputSize` (index t·B + b).
  public func callAsFunction(
    tokens: [Int32], steps: Int, batch: Int, state: RecurrentState? = nil,
    observe: ((_ layer: Int, _ outputs: Tensor) -> Void)? = nil
  ) -> (output: Tensor, state: RecurrentState) {
    check(tokens.count == steps * batch,
                 "\(kind.displayName): \(tokens.count) tokens do not fill (steps \(steps), batch \(batch))")
    return run(.tokens(tokens, vocabSize: inputSize), steps: steps, batch: batch, state: state, observe: observe)
  }

  /// Layer by layer: each layer's outputs are the next layer's inputs. `observe`, when given,
  /// sees each layer's outputs as they are computed (layers counted from 1, as in the book), so
  /// a lesson can print H_t^(l) without the library printing anything.
  private func run(
    _ input: RecurrentInput, steps T: Int, batch B: Int, state: RecurrentState?,
    observe: ((Int, Tensor) -> Void)?
  ) -> (output: Tensor, state: RecurrentState) {
    let state = state ?? beginState(batchSize: B)
    let expected = [numLayers, B, hiddenSize]
    check(state.hidden.shape == expected,
                 "\(kind.displayName): state \(Tensor.describe(state.hidden.shape)) does not fit (layers, batch, hidden) = \(Tensor.describe(expected))")
    check(!kind.hasCellState || state.cell?.shape == expected,
                 "\(kind.displayName): needs a memory cell state shaped \(Tensor.describe(expected))")
    var x = input
    var output: Tensor?
    var finalH: [Tensor] = [], finalC: [Tensor] = []
    for (l, layer) in layers.enumerated() {
      let c0 = kind.hasCellState ? state.cell![l] : nil
      let ws = workspace(l, steps: T, batch: B, inputSize: layer.inputSize)
      let result = PhaseClock.measure("recurrent layers") { layer(x, steps: T, batch: B, h0: state.hidden[l], c0: c0, workspace: ws, team: team,
                         parts: parts(steps: T, batch: B)) }
      observe?(l + 1, result.output)
      output = result.output
      finalH.append(result.h)
      if let c = result.c { finalC.append(c) }
      x = .dense(result.output)
    }
    return (output!, RecurrentState(hidden: .stack(finalH), cell: kind.hasCellState ? .stack(finalC) : nil))
  }

  /// How many parts (threads) the time loop of `steps` × (batch × hidden) splits into.
  func parts(steps: Int, batch: Int) -> Int {
    let p = parallelism ?? {
      // Splitting pays when each step's product is well above the cost of handing out the work
      // (even a batch of one: each core then streams only its share of W_hh, which stays in
      // its cache).
      let flops = 2 * batch * hiddenSize * kind.gateCount * hiddenSize
      return flops >= 400_000 ? team.size : 1
    }()
    return p > 1 && p <= team.size ? p : 1
  }

  /// The layer's buffers, reused unless a pending backward pass still holds them.
  private func workspace(_ l: Int, steps: Int, batch: Int, inputSize: Int) -> RecurrentWorkspace {
    // No `if let` binding here: it would hold a second reference and the check would never pass.
    if workspaces[l]?.fits(kind: kind, steps: steps, batch: batch, hidden: hiddenSize, inputSize: inputSize) == true,
       isKnownUniquelyReferenced(&workspaces[l]!) {
      return workspaces[l]!
    }
    let ws = RecurrentWorkspace(kind: kind, steps: steps, batch: batch, hidden: hiddenSize, inputSize: inputSize)
    workspaces[l] = ws
    return ws
  }
}

/// PyTorch's `nn.RNN` (tanh).
public final class RNN: RecurrentLayer {
  public init(inputSize: Int, hiddenSize: Int, numLayers: Int = 1, using generator: inout RandomGenerator) {
    super.init(kind: .rnn, inputSize: inputSize, hiddenSize: hiddenSize, numLayers: numLayers, using: &generator)
  }
}

/// PyTorch's `nn.GRU`.
public final class GRU: RecurrentLayer {
  public init(inputSize: Int, hiddenSize: Int, numLayers: Int = 1, using generator: inout RandomGenerator) {
    super.init(kind: .gru, inputSize: inputSize, hiddenSize: hiddenSize, numLayers: numLayers, using: &generator)
  }
}

/// PyTorch's `nn.LSTM`.
public final class LSTM: RecurrentLayer {
  public init(inputSize: Int, hiddenSize: Int, numLayers: Int = 1, using generator: inout RandomGenerator) {
    super.init(kind: .lstm, inputSize: inputSize, hiddenSize: hiddenSize, numLayers: numLayers, using: &generator)
  }
}
