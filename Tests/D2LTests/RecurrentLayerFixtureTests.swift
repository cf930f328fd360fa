import Testing
@testable import D2L

/// RNN, GRU and LSTM with 1 to 3 layers against PyTorch: outputs, final states, loss and every
/// gradient, from the same weights and inputs (`scripts/make_fixtures.py`).
@Suite struct RecurrentLayerFixtureTests {
  static let configurations: [(CellKind, Int)] = CellKind.allCases.flatMap { kind in (1...3).map { (kind, $0) } }

  /// Copies the fixture's weights into `layer`'s parameters (under `prefix`).
  static func load(_ module: Module, from file: SafeTensorsFile, prefix: String = "") throws {
    for (name, tensor) in module.namedParameters {
      let value = try file.tensor(prefix + name)
      #expect(value.shape == tensor.shape, "\(name): fixture \(value.shape) vs layer \(tensor.shape)")
      tensor.storage.base.update(from: value.storage.base, count: tensor.count)
    }
  }

  @Test(arguments: configurations)
  func denseLayerMatchesPyTorch(kind: CellKind, layers: Int) throws {
    try denseLayer(kind: kind, layers: layers, file: "layer_\(kind.rawValue)_l\(layers)", inputSize: 6, hidden: 5)
  }

  /// Sizes where the per-step products run on packed weights, a dense input's products run
  /// inside the time loop, and the loop splits across threads (checked with one part and two).
  @Test(arguments: CellKind.allCases)
  func packedLayerMatchesPyTorch(kind: CellKind) throws {
    for parts in Set([1, WorkerTeam.shared.size]).sorted() {
      try denseLayer(kind: kind, layers: 2, file: "layer_\(kind.rawValue)_l2_packed", inputSize: 32, hidden: 64, parts: parts)
    }
  }

  func denseLayer(
    kind: CellKind, layers: Int, file: String, inputSize: Int, hidden: Int, parts: Int? = nil, bidirectional: Bool = false
  ) throws {
    let f = try Fixtures.file("\(file).safetensors")
    var g = RandomGenerator(seed: 0)
    let layer = RecurrentLayer(kind: kind, inputSize: inputSize, hiddenSize: hidden, numLayers: layers,
                               bidirectional: bidirectional, using: &g)
    layer.parallelism = parts
    try Self.load(layer, from: f)
    let x = try f.tensor("input.X").requiringGradient()
    let h0 = try f.tensor("input.h0").requiringGradient()
    let c0 = kind == .lstm ? try f.tensor("input.c0").requiringGradient() : nil
    let (out, state) = layer(x, state: RecurrentState(hidden: h0, cell: c0))
    var loss = (out * (try f.tensor("input.R"))).sum() + (state.hidden * (try f.tensor("input.S"))).sum()
    if kind == .lstm { loss = loss + (state.cell! * (try f.tensor("input.Sc"))).sum() }
    loss.backward()

    let label = "\(file) parts \(parts.map(String.init) ?? "default")"
    expectClose(out, try f.tensor("output.out"), "\(label) output")
    expectClose(state.hidden, try f.tensor("output.h"), "\(label) H_T")
    if kind == .lstm { expectClose(state.cell, try f.tensor("output.c"), "\(label) C_T") }
    expectClose(loss, try f.tensor("output.loss"), "\(label) loss")
    for (name, p) in layer.namedParameters {
      expectClose(p.gradient, try f.tensor("grad.\(name)"), "\(label) grad \(name)")
    }
    expectClose(x.gradient, try f.tensor("grad.X"), "\(label) grad X")
    expectClose(h0.gradient, try f.tensor("grad.h0"), "\(label) grad h0")
    if kind == .lstm { expectClose(c0?.gradient, try f.tensor("grad.c0"), "\(label) grad c0") }
  }

  @Test(arguments: configurations)
  func rnnModelMatchesPyTorch(kind: CellKind, layers: Int) throws {
    try rnnModel(kind: kind, layers: layers, file: "model_\(kind.rawValue)_l\(layers)", vocab: 7, hidden: 5, batch: 3)
  }

  /// One-hot input at sizes where the gather and the products run in the time loop on packed
  /// weights, with one thread and with two.
  @Test(arguments: CellKind.allCases)
  func packedRNNModelMatchesPyTorch(kind: CellKind) throws {
    for parts in Set([1, WorkerTeam.shared.size]).sorted() {
      try rnnModel(kind: kind, layers: 2, file: "model_\(kind.rawValue)_l2_packed", vocab: 28, hidden: 64, batch: 8, parts: parts)
    }
  }

  func rnnModel(
    kind: CellKind, layers: Int, file: String, vocab: Int, hidden: Int, batch size: Int, parts: Int? = nil,
    bidirectional: Bool = false
  ) throws {
    let f = try Fixtures.file("\(file).safetensors")
    var g = RandomGenerator(seed: 0)
    let model = RNNModel(kind: kind, vocabSize: vocab, hiddenSize: hidden, numLayers: layers, bidirectional: bidirectional,
                         using: &g)
    model.rnn.parallelism = parts
    try Self.load(model, from: f)
    let x = try f.integers("input.X"), y = try f.integers("input.Y")
    let batch = SequenceBatch(inputs: x.map(Int32.init), targets: y.map(Int32.init), batchSize: size, numSteps: 4)
    let h0 = try f.tensor("input.h0").requiringGradient()
    let c0 = kind == .lstm ? try f.tensor("input.c0").requiringGradient() : nil
    var rnnOutput: Tensor?
    let (logits, state) = model(batch, state: RecurrentState(hidden: h0, cell: c0)) { layer, output in
      if layer == layers { rnnOutput = output }
    }
    let loss = logits.softmaxCrossEntropy(targets: batch.timeMajorTargets)
    loss.backward()

    let label = "RNNModel \(file) parts \(parts.map(String.init) ?? "default")"
    expectClose(rnnOutput, try f.tensor("output.rnn"), "\(label) rnn output")
    expectClose(logits, try f.tensor("output.logits"), "\(label) logits")
    expectClose(state.hidden, try f.tensor("output.h"), "\(label) H_T")
    if kind == .lstm { expectClose(state.cell, try f.tensor("output.c"), "\(label) C_T") }
    expectClose(loss, try f.tensor("output.loss"), "\(label) loss")
    for (name, p) in model.namedParameters {
      expectClose(p.gradient, try f.tensor("grad.\(name)"), "\(label) grad \(name)")
    }
    expectClose(h0.gradient, try f.tensor("grad.h0"), "\(label) grad h0")
    if kind == .lstm { expectClose(c0?.gradient, try f.tensor("grad.c0"), "\(label) grad c0") }
  }
}
