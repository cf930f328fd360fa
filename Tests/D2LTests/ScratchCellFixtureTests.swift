import Testing
@testable import D2L

/// The scratch GRU and LSTM (the sections' equations on the tape) against PyTorch's `nn.GRU`
/// and `nn.LSTM`, the sections' equations run by PyTorch's autograd, and the fused layers:
/// outputs, final states, gates and every gradient at 1e-5 (`scripts/make_scratch_cell_fixtures.py`).
@Suite struct ScratchCellFixtureTests {
  static let tolerance: Float = 1e-5
  static let (d, h, batch) = (5, 4, 3)

  /// A concise one-layer layer holding the fixture's PyTorch weights.
  static func conciseLayer(_ kind: CellKind, _ f: SafeTensorsFile) throws -> RecurrentLayer {
    var g = RandomGenerator(seed: 0)
    let layer = RecurrentLayer(kind: kind, inputSize: d, hiddenSize: h, using: &g)
    try RecurrentLayerFixtureTests.load(layer, from: f, prefix: "")
    return layer
  }

  /// Runs `cell` on the fixture's X and state; the loss weights every output and final state.
  static func run(_ cell: some ScratchCell, _ f: SafeTensorsFile)
    throws -> (out: Tensor, state: ScratchState, gates: [ScratchGates], X: Tensor, H0: Tensor, C0: Tensor?)
  {
    let X = try f.tensor("X").requiringGradient(), H0 = try f.tensor("H0").requiringGradient()
    let C0 = cell.hasMemoryCell ? try f.tensor("C0").requiringGradient() : nil
    let (outputs, state, gates) = cell(X, state: ScratchState(H: H0, C: C0))
    let out = Tensor.stack(outputs)
    var loss = (out * (try f.tensor("G"))).sum() + (state.H * (try f.tensor("GH"))).sum()
    if let C = state.C { loss = loss + (C * (try f.tensor("GC"))).sum() }
    loss.backward()
    return (out, state, gates, X, H0, C0)
  }

  /// Outputs, state and the gradients of every parameter, X, H0 (and C0) under `prefix`.
  static func expectMatches(_ cell: some ScratchCell, _ f: SafeTensorsFile, prefix: String) throws {
    let r = try run(cell, f)
    expectClose(r.out, try f.tensor("\(prefix).out"), "\(prefix) outputs", relativeTolerance: tolerance)
    expectClose(r.state.H, try f.tensor("\(prefix).hn"), "\(prefix) H_T", relativeTolerance: tolerance)
    if let C = r.state.C { expectClose(C, try f.tensor("\(prefix).cn"), "\(prefix) C_T", relativeTolerance: tolerance) }
    for (name, p) in cell.namedParameters {
      expectClose(p.gradient, try f.tensor("\(prefix).grad.\(name)"), "\(prefix) grad \(name)", relativeTolerance: tolerance)
    }
    expectClose(r.X.gradient, try f.tensor("\(prefix).grad.X"), "\(prefix) grad X", relativeTolerance: tolerance)
    expectClose(r.H0.gradient, try f.tensor("\(prefix).grad.H0"), "\(prefix) grad H0", relativeTolerance: tolerance)
    if let C0 = r.C0 { expectClose(C0.gradient, try f.tensor("\(prefix).grad.C0"), "\(prefix) grad C0", relativeTolerance: tolerance) }
  }

  /// The PyTorch-layout gradients (`torch.grad.*` or a fused layer's) against the scratch
  /// cell's: each gate's block of weight_ih and weight_hh transposed, and bias_ih's block.
  static func expectGradientsMatch(
    _ cell: some ScratchCell, weightIH: Tensor, weightHH: Tensor, biasIH: Tensor, _ label: String
  ) {
    for (k, gate) in cell.pyTorchGateBlocks.enumerated() {
      let rows = (k * h)..<((k + 1) * h)
      expectClose(gate.W_x.gradient, weightIH[rows].transposed(), "\(label) grad W_x gate \(k)", relativeTolerance: tolerance)
      expectClose(gate.W_h.gradient, weightHH[rows].transposed(), "\(label) grad W_h gate \(k)", relativeTolerance: tolerance)
      expectClose(gate.b.gradient, biasIH[rows], "\(label) grad b gate \(k)", relativeTolerance: tolerance)
    }
  }

  @Test func bookGRUMatchesTheSectionsEquationsInPyTorch() throws {
    let f = try Fixtures.file("scratch_gru.safetensors")
    var g = RandomGenerator(seed: 1)
    let gru = GRUScratch(numInputs: Self.d, numHiddens: Self.h, using: &g)
    gru.loadWeights(from: try Self.conciseLayer(.gru, f))
    try Self.expectMatches(gru, f, prefix: "book")
    let (_, _, gates, _, _, _) = try Self.run(GRUScratch(sharing: gru), f)
    for symbol in ["R", "Z", "H_tilde"] {
      expectClose(Tensor.stack(gates.map { $0[symbol]! }), try f.tensor("book.\(symbol)"), "gate \(symbol)",
                  relativeTolerance: Self.tolerance)
    }
  }

  @Test(arguments: [GRUScratch.Gates.resetOnly, .updateOnly])
  func gruVariantsMatchPyTorch(gates: GRUScratch.Gates) throws {
    let f = try Fixtures.file("scratch_gru.safetensors")
    var g = RandomGenerator(seed: 1)
    let full = GRUScratch(numInputs: Self.d, numHiddens: Self.h, using: &g)
    full.loadWeights(from: try Self.conciseLayer(.gru, f))
    let variant = GRUScratch(sharing: full, gates: gates)
    try Self.expectMatches(variant, f, prefix: gates.rawValue)
    let symbols = try Self.run(GRUScratch(sharing: full, gates: gates), f).gates[0].symbols
    #expect(symbols == (gates == .resetOnly ? ["R", "H_tilde"] : ["Z", "H_tilde"]))
  }

  /// With the reset gate on the product, the scratch GRU is `nn.GRU` and the fused `GRU`.
  @Test func gruWithTheResetOnTheProductMatchesNNGRUAndTheFusedLayer() throws {
    let f = try Fixtures.file("scratch_gru.safetensors")
    var g = RandomGenerator(seed: 1)
    let fused = try Self.conciseLayer(.gru, f)
    let gru = GRUScratch(numInputs: Self.d, numHiddens: Self.h, resetPlacement: .afterProduct, using: &g)
    gru.loadWeights(from: fused)
    let r = try Self.run(gru, f)
    expectClose(r.out, try f.tensor("torch.out"), "nn.GRU outputs", relativeTolerance: Self.tolerance)
    expectClose(r.state.H, try f.tensor("torch.hn"), "nn.GRU H_T", relativeTolerance: Self.tolerance)
    expectClose(r.X.gradient, try f.tensor("torch.grad.X"), "nn.GRU grad X", relativeTolerance: Self.tolerance)
    expectClose(r.H0.gradient, try f.tensor("torch.grad.H0"), "nn.GRU grad H0", relativeTolerance: Self.tolerance)
    Self.expectGradientsMatch(gru, weightIH: try f.tensor("torch.grad.weight_ih_l0"), weightHH: try f.tensor("torch.grad.weight_hh_l0"),
                              biasIH: try f.tensor("torch.grad.bias_ih_l0"), "nn.GRU")
    try Self.expectFusedLayerMatches(gru, fused, f, scratch: r)
  }

  @Test func lstmMatchesNNLSTMTheSectionsEquationsAndTheFusedLayer() throws {
    let f = try Fixtures.file("scratch_lstm.safetensors")
    var g = RandomGenerator(seed: 1)
    let fused = try Self.conciseLayer(.lstm, f)
    let lstm = LSTMScratch(numInputs: Self.d, numHiddens: Self.h, using: &g)
    lstm.loadWeights(from: fused)
    try Self.expectMatches(lstm, f, prefix: "book")
    let r = try Self.run(LSTMScratch(sharing: lstm, hiddenTanh: true), f)
    expectClose(r.out, try f.tensor("torch.out"), "nn.LSTM outputs", relativeTolerance: Self.tolerance)
    expectClose(r.state.C, try f.tensor("torch.cn"), "nn.LSTM C_T", relativeTolerance: Self.tolerance)
    for symbol in ["I", "F", "O", "C_tilde"] {
      expectClose(Tensor.stack(r.gates.map { $0[symbol]! }), try f.tensor("book.\(symbol)"), "gate \(symbol)",
                  relativeTolerance: Self.tolerance)
    }
    let torchLSTM = LSTMScratch(sharing: lstm, hiddenTanh: true)
    torchLSTM.zeroGradients()
    let t = try Self.run(torchLSTM, f)
    expectClose(t.C0?.gradient, try f.tensor("torch.grad.C0"), "nn.LSTM grad C0", relativeTolerance: Self.tolerance)
    Self.expectGradientsMatch(torchLSTM, weightIH: try f.tensor("torch.grad.weight_ih_l0"),
                              weightHH: try f.tensor("torch.grad.weight_hh_l0"), biasIH: try f.tensor("torch.grad.bias_ih_l0"), "nn.LSTM")
    try Self.expectFusedLayerMatches(torchLSTM, fused, f, scratch: t)
  }

  @Test func lstmWithoutTheHiddenTanhMatchesPyTorch() throws {
    let f = try Fixtures.file("scratch_lstm.safetensors")
    var g = RandomGenerator(seed: 1)
    let lstm = LSTMScratch(numInputs: Self.d, numHiddens: Self.h, hiddenTanh: false, using: &g)
    lstm.loadWeights(from: try Self.conciseLayer(.lstm, f))
    try Self.expectMatches(lstm, f, prefix: "noHiddenTanh")
  }

  /// The fused layer run on the same inputs and loss: the same outputs, states and gradients as
  /// the scratch cell's run `scratch` (whose gradients the cell's parameters hold).
  static func expectFusedLayerMatches(
    _ cell: some ScratchCell, _ fused: RecurrentLayer, _ f: SafeTensorsFile,
    scratch: (out: Tensor, state: ScratchState, gates: [ScratchGates], X: Tensor, H0: Tensor, C0: Tensor?)
  ) throws {
    let X = try f.tensor("X").requiringGradient(), H0 = try f.tensor("H0").requiringGradient()
    let C0 = cell.hasMemoryCell ? try f.tensor("C0").requiringGradient() : nil
    let (out, state) = fused(X, state: RecurrentState(hidden: H0.reshaped([1, batch, h]), cell: C0?.reshaped([1, batch, h])))
    var loss = (out * (try f.tensor("G"))).sum() + (state.hidden * (try f.tensor("GH"))).sum()
    if let C = state.cell { loss = loss + (C * (try f.tensor("GC"))).sum() }
    loss.backward()
    expectClose(out, scratch.out, "fused outputs", relativeTolerance: tolerance)
    expectClose(state.hidden.reshaped([batch, h]), scratch.state.H, "fused H_T", relativeTolerance: tolerance)
    if let C = state.cell { expectClose(C.reshaped([batch, h]), scratch.state.C!, "fused C_T", relativeTolerance: tolerance) }
    expectClose(X.gradient, scratch.X.gradient!, "fused grad X", relativeTolerance: tolerance)
    expectClose(H0.gradient, scratch.H0.gradient!, "fused grad H0", relativeTolerance: tolerance)
    let p = Dictionary(uniqueKeysWithValues: fused.namedParameters.map { ($0.name, $0.tensor.gradient!) })
    expectGradientsMatch(cell, weightIH: p["weight_ih_l0"]!, weightHH: p["weight_hh_l0"]!, biasIH: p["bias_ih_l0"]!, "fused")
  }
}
