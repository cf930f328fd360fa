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
    metadata["cell"] = model.kind.name
    metadata["bidirectional"] = String(model.bidirectional)
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
}
