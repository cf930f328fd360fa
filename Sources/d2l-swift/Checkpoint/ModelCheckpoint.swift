import Foundation

/// A trained `RNNModel` with its vocabulary, saved as safetensors under PyTorch's `state_dict`
/// names (`rnn.weight_ih_l0`, …, `linear.weight`, `linear.bias`), so that the file loads in
/// PyTorch and a file PyTorch saved from D2L's `RNNModel` loads here.
///
/// `__metadata__` holds the vocabulary and the training configuration as JSON strings. Tensors
/// under `training.*` hold what a resumed run needs (the state carried between minibatches).
public struct ModelCheckpoint {
  public var model: RNNModel
  public var vocab: Vocab
  /// The run that produced the weights, when this library wrote the file.
  public var configuration: TrainingConfiguration?
  /// The epochs completed so far.
  public var history: [EpochReport]
  /// Extra tensors (`training.*`) and metadata a resumed run needs.
  public var trainingTensors: [String: Tensor]
  public var trainingMetadata: [String: String]

  public init(model: RNNModel, vocab: Vocab, configuration: TrainingConfiguration? = nil, history: [EpochReport] = [],
              trainingTensors: [String: Tensor] = [:], trainingMetadata: [String: String] = [:]) {
    self.model = model
    self.vocab = vocab
    self.configuration = configuration
    self.history = history
    self.trainingTensors = trainingTensors
    self.trainingMetadata = trainingMetadata
  }

  static let format = "d2l-swift/rnnmodel/1"

  /// Writes the checkpoint atomically: a crash mid-save leaves the previous file intact.
  public func save(to url: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    var metadata = trainingMetadata
    metadata["format"] = Self.format
    metadata["vocab"] = String(decoding: try encoder.encode(vocab.idxToToken), as: UTF8.self)
    metadata["cell"] = model.kind.rawValue
    if let configuration { metadata["config"] = String(decoding: try encoder.encode(configuration), as: UTF8.self) }
    if !history.isEmpty { metadata["history"] = String(decoding: try encoder.encode(history), as: UTF8.self) }
    let tensors = model.namedParameters + trainingTensors.sorted { $0.key < $1.key }.map { ("training." + $0.key, $0.value) }
    try writeAtomically(try SafeTensorsFile.encode(tensors, metadata: metadata), to: url)
  }

  /// Reads and checks a checkpoint: the cell kind, layers and sizes come from the tensor shapes;
  /// the vocabulary from the metadata or, for a file without one, D2L's Time Machine characters.
  /// - Throws: `SafeTensorsError` with the reason for a corrupt, truncated or mismatched file.
  public static func load(from url: URL) throws -> ModelCheckpoint {
    let file = try SafeTensorsFile(contentsOf: url)
    return try load(file, source: url.lastPathComponent)
  }

  static func load(_ file: SafeTensorsFile, source: String) throws -> ModelCheckpoint {
    func fail(_ reason: String) -> SafeTensorsError { SafeTensorsError("\(source): \(reason)") }
    guard let whh = file.entries["rnn.weight_hh_l0"], whh.shape.count == 2, whh.shape[1] > 0 else {
      throw fail("no rnn.weight_hh_l0 matrix: not a D2L RNNModel state_dict")
    }
    guard let wih = file.entries["rnn.weight_ih_l0"], wih.shape.count == 2 else {
      throw fail("no rnn.weight_ih_l0 matrix: not a D2L RNNModel state_dict")
    }
    let hidden = whh.shape[1]
    let gates = whh.shape[0] / hidden
    guard whh.shape[0] % hidden == 0, let kind = [1: CellKind.rnn, 3: .gru, 4: .lstm][gates] else {
      throw fail("rnn.weight_hh_l0 is \(whh.shape): its rows must be 1, 3 or 4 times its \(hidden) columns (RNN, GRU, LSTM)")
    }
    if let declared = file.metadata["cell"], declared != kind.rawValue {
      throw fail("metadata says cell \(declared) but the shapes are those of \(kind.rawValue)")
    }
    let vocabSize = wih.shape[1]
    var layers = 0
    while file.entries["rnn.weight_ih_l\(layers)"] != nil { layers += 1 }

    let vocab: Vocab
    if let json = file.metadata["vocab"] {
      guard let tokens = try? JSONDecoder().decode([String].self, from: Data(json.utf8)) else {
        throw fail("metadata 'vocab' is not a JSON list of tokens")
      }
      do { vocab = try Vocab(idxToToken: tokens) } catch { throw fail("metadata 'vocab': \(error)") }
    } else if vocabSize == Vocab.timeMachine.count {
      vocab = Vocab.timeMachine
    } else {
      throw fail("no vocabulary in the metadata, and \(vocabSize) inputs is not D2L's 28-character Time Machine vocabulary")
    }
    guard vocab.count == vocabSize else {
      throw fail("the vocabulary has \(vocab.count) tokens but rnn.weight_ih_l0 takes \(vocabSize) inputs")
    }

    var generator = RandomGenerator(seed: 0)
    let model = RNNModel(kind: kind, vocabSize: vocabSize, hiddenSize: hidden, numLayers: layers, using: &generator)
    let expected = Set(model.namedParameters.map(\.name))
    for name in file.entries.keys.sorted() where !expected.contains(name) && !name.hasPrefix("training.") {
      throw fail("unexpected tensor '\(name)' for a \(layers)-layer \(kind.displayName) model")
    }
    for (name, parameter) in model.namedParameters {
      guard let entry = file.entries[name] else { throw fail("missing tensor '\(name)'") }
      guard entry.shape == parameter.shape else {
        throw fail("tensor '\(name)' is \(entry.shape), a \(layers)-layer \(kind.displayName) with hidden \(hidden) and vocabulary \(vocabSize) needs \(parameter.shape)")
      }
      let value = try file.tensor(name)
      if let bad = value.scalars.firstIndex(where: { !$0.isFinite }) {
        throw fail("tensor '\(name)' holds \(value.scalars[bad]) at index \(bad): the weights are not finite")
      }
      parameter.storage.base.update(from: value.storage.base, count: parameter.count)
    }

    var configuration: TrainingConfiguration?
    if let json = file.metadata["config"] {
      guard let c = try? JSONDecoder().decode(TrainingConfiguration.self, from: Data(json.utf8)) else {
        throw fail("metadata 'config' is not a valid training configuration")
      }
      guard c.cell == kind, c.numLayers == layers, c.hiddenSize == hidden else {
        throw fail("metadata 'config' describes a \(c.numLayers)-layer \(c.cell.displayName) with hidden \(c.hiddenSize), but the tensors are those of a \(layers)-layer \(kind.displayName) with hidden \(hidden)")
      }
      configuration = c
    }
    var history: [EpochReport] = []
    if let json = file.metadata["history"] {
      guard let h = try? JSONDecoder().decode([EpochReport].self, from: Data(json.utf8)) else {
        throw fail("metadata 'history' is not a valid list of epoch reports")
      }
      history = h
    }
    var training: [String: Tensor] = [:]
    for name in file.entries.keys where name.hasPrefix("training.") {
      training[String(name.dropFirst("training.".count))] = try file.tensor(name)
    }
    let known: Set = ["format", "vocab", "cell", "config", "history"]
    let extra = file.metadata.filter { !known.contains($0.key) }
    return ModelCheckpoint(model: model, vocab: vocab, configuration: configuration, history: history,
                           trainingTensors: training, trainingMetadata: extra)
  }
}
