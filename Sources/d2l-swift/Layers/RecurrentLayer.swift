/// The state a recurrent network carries between steps: H, and for the LSTM also the memory
/// cell C, each shaped (numLayers · directions, batch, hidden) as in PyTorch: for a
/// bidirectional network the rows go l0, l0_reverse, l1, l1_reverse, …
public struct RecurrentState {
  /// (L·D, B, H)
  public var hidden: Tensor
  /// (L·D, B, H), LSTM only.
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
///
/// A bidirectional network (PyTorch's `bidirectional=True`, D2L's section on bidirectional
/// RNNs) runs each layer twice: forward over the sequence, and with its own parameters
/// (`weight_ih_l{l}_reverse`, …) from the last step to the first. The two directions' outputs
/// are concatenated per step, forward first, into 2H units, which the next layer reads.
public class RecurrentLayer: Module {
  public let kind: CellKind
  public let inputSize: Int
  public let hiddenSize: Int
  public let numLayers: Int
  /// Each layer also runs from the last step to the first (`bidirectional=True`).
  public let bidirectional: Bool
  /// The probability with which dropout zeroes each output of every layer but the last, in
  /// training (PyTorch's `dropout=`): 0 for none.
  public let dropout: Float
  /// Training mode (PyTorch's `train()`): dropout applies. False is `eval()`: it does not.
  public var isTraining = true
  /// Draws the dropout masks; seeded from the initialisation's generator.
  public var dropoutGenerator: RandomGenerator
  /// One pass per layer and direction, at `l · directions + d` (PyTorch's order).
  let layers: [RecurrentLayerPass]
  private var workspaces: [RecurrentWorkspace?]
  /// The threads that share each layer's time loop.
  let team = WorkerTeam.shared
  /// How many threads share each time loop (by sequences, or by hidden units for a small
  /// batch): nil chooses (the team's size when the per-step product is big enough to be worth
  /// splitting, else 1); tests set it to compare the two.
  public var parallelism: Int?

  /// PyTorch's initialisation: every weight and bias from U(-1/√H, 1/√H). With `dropout` > 0,
  /// one more number is drawn from `generator`, to seed the dropout masks.
  public init(
    kind: CellKind, inputSize: Int, hiddenSize: Int, numLayers: Int = 1, bidirectional: Bool = false,
    dropout: Float = 0, using generator: inout RandomGenerator
  ) {
    check(inputSize > 0 && hiddenSize > 0 && numLayers > 0,
                 "\(kind.displayName): sizes must be positive (input \(inputSize), hidden \(hiddenSize), layers \(numLayers))")
    check(dropout >= 0 && dropout <= 1, "\(kind.displayName): dropout \(dropout) is outside [0, 1]")
    self.dropout = dropout
    self.kind = kind
    self.inputSize = inputSize
    self.hiddenSize = hiddenSize
    self.numLayers = numLayers
    self.bidirectional = bidirectional
    let bound = 1 / Float(hiddenSize).squareRoot()
    let gh = kind.gateCount * hiddenSize
    let directions = RecurrentDirection.of(bidirectional: bidirectional)
    var layers: [RecurrentLayerPass] = []
    for l in 0..<numLayers {
      let input = l == 0 ? inputSize : directions.count * hiddenSize  // the layer below's outputs
      for _ in directions {
        layers.append(RecurrentLayerPass(
          kind: kind,
          weightIH: uniformParameter([gh, input], bound: bound, using: &generator),
          weightHH: uniformParameter([gh, hiddenSize], bound: bound, using: &generator),
          biasIH: uniformParameter([gh], bound: bound, using: &generator),
          biasHH: uniformParameter([gh], bound: bound, using: &generator)))
      }
    }
    self.layers = layers
    workspaces = Array(repeating: nil, count: layers.count)
    dropoutGenerator = RandomGenerator(seed: dropout > 0 ? generator.next() : 0)
  }

  /// The directions each layer runs, in PyTorch's order.
  public var directions: [RecurrentDirection] { RecurrentDirection.of(bidirectional: bidirectional) }

  /// Units per step of the outputs: H, or 2H (forward, then reverse) when bidirectional.
  public var outputSize: Int { directions.count * hiddenSize }

  public var namedParameters: [(name: String, tensor: Tensor)] {
    layers.enumerated().flatMap { i, p in
      let (l, d) = (i / directions.count, directions[i % directions.count])
      return zip(RecurrentParameter.allCases, [p.weightIH, p.weightHH, p.biasIH, p.biasHH]).map {
        ($0.name(layer: l, direction: d), $1)
      }
    }
  }

  /// A zero state for `batchSize` sequences: D2L's `begin_state`.
  public func beginState(batchSize: Int) -> RecurrentState {
    let shape = [numLayers * directions.count, batchSize, hiddenSize]
    return RecurrentState(hidden: .zeros(shape), cell: kind.hasCellState ? .zeros(shape) : nil)
  }

  /// Runs all layers over dense input (T, B, inputSize). Returns the last layer's outputs
  /// (T, B, outputSize) and the final state (L·D, B, H).
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
    let D = directions.count
    let expected = [numLayers * D, B, hiddenSize]
    let rows = D == 1 ? "(layers, batch, hidden)" : "(layers × 2, batch, hidden)"
    check(state.hidden.shape == expected,
                 "\(kind.displayName): state \(Tensor.describe(state.hidden.shape)) does not fit \(rows) = \(Tensor.describe(expected))")
    check(!kind.hasCellState || state.cell?.shape == expected,
                 "\(kind.displayName): needs a memory cell state shaped \(Tensor.describe(expected))")
    var x = input
    var output: Tensor?
    var finalH: [Tensor] = [], finalC: [Tensor] = []
    let parts = parts(steps: T, batch: B)
    for l in 0..<numLayers {
      // The reverse direction is the same time loop over the sequence read backwards; its
      // outputs are turned back so that step t of both directions lines up.
      let inputs = directions.map { $0 == .forward ? x : x.reversedSteps(batch: B) }
      let indices = directions.map { l * D + $0.rawValue }
      let h0 = indices.map { state.hidden[$0] }, c0 = indices.map { kind.hasCellState ? state.cell![$0] : nil }
      let ws = indices.map { workspace($0, steps: T, batch: B, inputSize: layers[$0].inputSize) }
      let results = PhaseClock.measure("recurrent layers") {
        if D == 2 && parts == 2 {  // one direction per core
          return BothDirections(forward: layers[indices[0]], reverse: layers[indices[1]], team: team)(
            inputs: inputs, steps: T, batch: B, h0: h0, c0: c0, workspaces: ws)
        }
        return indices.indices.map { d in
          layers[indices[d]](inputs[d], steps: T, batch: B, h0: h0[d], c0: c0[d], workspace: ws[d], team: team, parts: parts)
        }
      }
      var outputs: [Tensor] = []
      for (d, result) in zip(directions, results) {
        outputs.append(d == .forward ? result.output : result.output.reversedSteps())
        finalH.append(result.h)
        if let c = result.c { finalC.append(c) }
      }
      let joined = D == 1 ? outputs[0] : Tensor.concatenate(outputs, alongAxis: 2)
      observe?(l + 1, joined)
      output = joined
      // PyTorch drops out between layers, in training only, never after the last layer.
      let dropsOut = isTraining && dropout > 0 && l < numLayers - 1
      x = .dense(dropsOut ? joined.dropout(dropout, using: &dropoutGenerator) : joined)
    }
    return (output!, RecurrentState(hidden: .stack(finalH), cell: kind.hasCellState ? .stack(finalC) : nil))
  }

  /// How many parts (threads) the time loop of `steps` × (batch × hidden) splits into. A
  /// bidirectional layer on two parts runs one direction on each (`BothDirections`).
  func parts(steps: Int, batch: Int) -> Int {
    let p = parallelism ?? {
      // Splitting pays when each step's product is well above the cost of handing out the work
      // (even a batch of one: each core then streams only its share of W_hh, which stays in
      // its cache).
      let flops = 2 * batch * hiddenSize * kind.gateCount * hiddenSize
      return flops >= 400_000 ? team.size : 1
    }()
    return p > 1 && p <= team.availableParts ? p : 1
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
  public init(
    inputSize: Int, hiddenSize: Int, numLayers: Int = 1, bidirectional: Bool = false, dropout: Float = 0,
    using generator: inout RandomGenerator
  ) {
    super.init(kind: .rnn, inputSize: inputSize, hiddenSize: hiddenSize, numLayers: numLayers,
               bidirectional: bidirectional, dropout: dropout, using: &generator)
  }
}

/// PyTorch's `nn.GRU`.
public final class GRU: RecurrentLayer {
  public init(
    inputSize: Int, hiddenSize: Int, numLayers: Int = 1, bidirectional: Bool = false, dropout: Float = 0,
    using generator: inout RandomGenerator
  ) {
    super.init(kind: .gru, inputSize: inputSize, hiddenSize: hiddenSize, numLayers: numLayers,
               bidirectional: bidirectional, dropout: dropout, using: &generator)
  }
}

/// PyTorch's `nn.LSTM`.
public final class LSTM: RecurrentLayer {
  public init(
    inputSize: Int, hiddenSize: Int, numLayers: Int = 1, bidirectional: Bool = false, dropout: Float = 0,
    using generator: inout RandomGenerator
  ) {
    super.init(kind: .lstm, inputSize: inputSize, hiddenSize: hiddenSize, numLayers: numLayers,
               bidirectional: bidirectional, dropout: dropout, using: &generator)
  }
}
