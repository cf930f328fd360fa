import Testing
@testable import D2L

/// Bidirectional RNN, GRU and LSTM with 1 and 2 layers against PyTorch's `bidirectional=True`:
/// outputs (2H wide, forward first), final states (2L rows in PyTorch's order), loss and every
/// gradient, `*_reverse` parameters included (`scripts/make_fixtures.py`, part `bi`). The suite
/// runs at every kernel level the CI asks for (`D2L_KERNELS`).
@Suite struct BidirectionalFixtureTests {
  static let configurations: [(CellKind, Int)] = CellKind.allCases.flatMap { kind in [1, 2].map { (kind, $0) } }
  let fixtures = RecurrentLayerFixtureTests()

  @Test(arguments: configurations)
  func denseLayerMatchesPyTorch(kind: CellKind, layers: Int) throws {
    for parts in Set([1, WorkerTeam.shared.size]).sorted() {
      try fixtures.denseLayer(kind: kind, layers: layers, file: "layer_\(kind.name)_l\(layers)_bi", inputSize: 6, hidden: 5,
                              parts: parts, bidirectional: true)
    }
  }

  @Test(arguments: configurations)
  func rnnModelMatchesPyTorch(kind: CellKind, layers: Int) throws {
    try fixtures.rnnModel(kind: kind, layers: layers, file: "model_\(kind.name)_l\(layers)_bi", vocab: 7, hidden: 5, batch: 3,
                          bidirectional: true)
  }

  /// Whole 16-unit panels and a batch of 8 that the loop splits by rows, with one thread and two.
  @Test(arguments: CellKind.allCases)
  func packedRNNModelMatchesPyTorch(kind: CellKind) throws {
    for parts in Set([1, WorkerTeam.shared.size]).sorted() {
      try fixtures.rnnModel(kind: kind, layers: 2, file: "model_\(kind.name)_l2_bi_packed", vocab: 28, hidden: 16, batch: 8,
                            parts: parts, bidirectional: true)
    }
  }

  @Test func parametersAreNamedAsPyTorch() {
    var g = RandomGenerator(seed: 0)
    let lstm = LSTM(inputSize: 3, hiddenSize: 4, numLayers: 2, bidirectional: true, using: &g)
    let names = lstm.namedParameters.map(\.name)
    #expect(names.prefix(8) == ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
                                "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse"])
    #expect(lstm.parameter(named: "weight_ih_l1")!.shape == [16, 8])  // layer 1 reads both directions
    #expect(lstm.beginState(batchSize: 5).hidden.shape == [4, 5, 4])
  }
}
