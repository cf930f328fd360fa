import Foundation

/// Reading a checkpoint, in phases: the model's shape from the tensors, the vocabulary, the
/// weights, then what this library's own files add (configuration, history, training state).
extension ModelCheckpoint {
  static func load(_ file: SafeTensorsFile, source: String) throws -> ModelCheckpoint {
    let reader = CheckpointReader(file: file, source: source)
    let shape = try reader.modelShape()
    let vocab = try reader.vocabulary(size: shape.vocabSize)
    let model = try reader.model(shape)
    let configuration = try reader.configuration(matching: shape)
    let history = try reader.history()
    let (tensors, metadata) = try reader.trainingState()
    return ModelCheckpoint(model: model, vocab: vocab, configuration: configuration, history: history,
                           trainingTensors: tensors, trainingMetadata: metadata)
  }
}

/// The sizes of an `RNNModel`, as a checkpoint's tensors give them.
struct ModelShape {
  let kind: CellKind
  let hidden: Int
  let vocabSize: Int
  let layers: Int
  /// The file holds `*_reverse` tensors: each layer runs both ways.
  let bidirectional: Bool

  var description: String { "\(layers)-layer \(bidirectional ? "bidirectional " : "")\(kind.displayName)" }
}

/// One checkpoint file being read; every refusal names the file.
struct CheckpointReader {
  let file: SafeTensorsFile
  let source: String

  func fail(_ reason: String) -> SafeTensorsError { SafeTensorsError("\(source): \(reason)") }

  /// The cell, sizes and depth, from layer 0's weights and the names present.
  func modelShape() throws -> ModelShape {
    let whhName = "rnn." + RecurrentParameter.weightHH.name(layer: 0)
    let wihName = "rnn." + RecurrentParameter.weightIH.name(layer: 0)
    guard let whh = file.entries[whhName], whh.shape.count == 2, whh.shape[1] > 0 else {
      throw fail("no \(whhName) matrix: not a D2L RNNModel state_dict")
    }
    guard let wih = file.entries[wihName], wih.shape.count == 2 else {
      throw fail("no \(wihName) matrix: not a D2L RNNModel state_dict")
    }
    let hidden = whh.shape[1]
    guard whh.shape[0] % hidden == 0, let kind = CellKind(gateCount: whh.shape[0] / hidden) else {
      let counts = ListFormat.or(CellKind.allCases.map { "\($0.gateCount)" })
      let names = CellKind.allCases.map(\.displayName).joined(separator: ", ")
      throw fail("\(whhName) is \(whh.shape): its rows must be \(counts) times its \(hidden) columns (\(names))")
    }
    if let declared = file.metadata["cell"], declared != kind.name {
      throw fail("metadata says cell \(declared) but the shapes are those of \(kind.name)")
    }
    var layers = 0
    while file.entries["rnn." + RecurrentParameter.weightIH.name(layer: layers)] != nil { layers += 1 }
    let bidirectional = file.entries["rnn." + RecurrentParameter.weightIH.name(layer: 0, direction: .reverse)] != nil
    if let declared = file.metadata["bidirectional"], declared != String(bidirectional) {
      throw fail("metadata says bidirectional \(declared) but the tensors \(bidirectional ? "hold" : "lack") the *_reverse weights")
    }
    return ModelShape(kind: kind, hidden: hidden, vocabSize: wih.shape[1], layers: layers, bidirectional: bidirectional)
  }

  /// The vocabulary from the metadata or, for a file without one, D2L's Time Machine characters.
  func vocabulary(size vocabSize: Int) throws -> Vocab {
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
    return vocab
  }

  /// A model of `shape` holding the file's weights, every name and shape checked.
  func model(_ shape: ModelShape) throws -> RNNModel {
    var generator = RandomGenerator(seed: 0)
    let model = RNNModel(kind: shape.kind, vocabSize: shape.vocabSize, hiddenSize: shape.hidden, numLayers: shape.layers,
                         bidirectional: shape.bidirectional, using: &generator)
    try file.load(into: model.namedParameters, model: shape.description,
                  sizes: "with hidden \(shape.hidden) and vocabulary \(shape.vocabSize)", ignoredPrefix: "training.", fail: fail)
    return model
  }

  /// The training configuration this library records, checked against the tensors.
  func configuration(matching shape: ModelShape) throws -> TrainingConfiguration? {
    guard let json = file.metadata["config"] else { return nil }
    guard let c = try? JSONDecoder().decode(TrainingConfiguration.self, from: Data(json.utf8)) else {
      throw fail("metadata 'config' is not a valid training configuration")
    }
    guard c.cell == shape.kind, c.numLayers == shape.layers, c.hiddenSize == shape.hidden, c.bidirectional == shape.bidirectional else {
      let described = "\(c.numLayers)-layer \(c.bidirectional ? "bidirectional " : "")\(c.cell.displayName)"
      throw fail("metadata 'config' describes a \(described) with hidden \(c.hiddenSize), but the tensors are those of a \(shape.description) with hidden \(shape.hidden)")
    }
    return c
  }

  /// The epochs completed so far, when the file records them.
  func history() throws -> [EpochReport] {
    guard let json = file.metadata["history"] else { return [] }
    guard let h = try? JSONDecoder().decode([EpochReport].self, from: Data(json.utf8)) else {
      throw fail("metadata 'history' is not a valid list of epoch reports")
    }
    return h
  }

  /// The `training.*` tensors and the metadata this reader does not interpret.
  func trainingState() throws -> (tensors: [String: Tensor], metadata: [String: String]) {
    var training: [String: Tensor] = [:]
    for name in file.entries.keys where name.hasPrefix("training.") {
      training[String(name.dropFirst("training.".count))] = try file.tensor(name)
    }
    let known: Set = ["format", "vocab", "cell", "bidirectional", "config", "history"]
    return (training, file.metadata.filter { !known.contains($0.key) })
  }
}

/// "a, b or c".
enum ListFormat {
  static func or(_ items: [String]) -> String {
    items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " or " + items.last!
  }
}
