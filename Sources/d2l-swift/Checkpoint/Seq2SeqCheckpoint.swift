import Foundation

/// A seq2seq model with its two vocabularies, saved as safetensors under the book's PyTorch
/// `state_dict` names (`encoder.embedding.weight`, `encoder.rnn.weight_ih_l0`, …,
/// `decoder.dense.bias`), so that a file saved from the book's `EncoderDecoder` loads here and
/// ours loads there. `__metadata__` holds the vocabularies and the configuration as JSON.
public struct Seq2SeqCheckpoint {
  public var model: Seq2Seq
  public var sourceVocab: Vocab
  public var targetVocab: Vocab
  /// The run that produced the weights, when this library wrote the file.
  public var configuration: Seq2SeqConfiguration?
  public var history: [Seq2SeqEpochReport]

  public init(model: Seq2Seq, sourceVocab: Vocab, targetVocab: Vocab, configuration: Seq2SeqConfiguration? = nil,
              history: [Seq2SeqEpochReport] = []) {
    (self.model, self.sourceVocab, self.targetVocab, self.configuration, self.history) = (model, sourceVocab, targetVocab, configuration, history)
  }

  static let format = "d2l-swift/seq2seq/1"

  /// Does this file hold a seq2seq model (an `encoder.embedding.weight`)?
  public static func isSeq2Seq(_ file: SafeTensorsFile) -> Bool { file.entries["encoder.embedding.weight"] != nil }

  /// Writes the checkpoint atomically.
  public func save(to url: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    func json<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
    var metadata = ["format": Self.format, "source_vocab": try json(sourceVocab.idxToToken),
                    "target_vocab": try json(targetVocab.idxToToken), "cell": model.encoder.rnn.kind.name]
    if let configuration { metadata["config"] = try json(configuration) }
    if !history.isEmpty { metadata["history"] = try json(history) }
    try writeAtomically(try SafeTensorsFile.encode(model.namedParameters, metadata: metadata), to: url)
  }

  /// Reads a checkpoint: sizes, cell and depth from the tensors; the vocabularies from the
  /// metadata or, for a bare `state_dict` (PyTorch's), from `vocabularies` (the caller rebuilds
  /// the book's, `loadDataNMT`), checked against the embedding tables.
  /// - Throws: `SafeTensorsError` naming the file and what is wrong.
  public static func load(from url: URL, vocabularies: () throws -> (source: Vocab, target: Vocab)) throws -> Seq2SeqCheckpoint {
    let file = try SafeTensorsFile(contentsOf: url)
    let source = url.lastPathComponent
    func fail(_ reason: String) -> SafeTensorsError { SafeTensorsError("\(source): \(reason)") }
    func shape(_ name: String) throws -> [Int] {
      guard let e = file.entries[name], e.shape.count == 2, e.shape.allSatisfy({ $0 > 0 }) else {
        throw fail("no \(name) matrix: not the state_dict of D2L's seq2seq EncoderDecoder")
      }
      return e.shape
    }
    let (sourceEmbedding, targetEmbedding) = (try shape("encoder.embedding.weight"), try shape("decoder.embedding.weight"))
    let whh = try shape("encoder.rnn.weight_hh_l0"), dense = try shape("decoder.dense.weight")
    let hidden = whh[1]
    guard whh[0] % hidden == 0, let kind = CellKind(gateCount: whh[0] / hidden) else {
      throw fail("encoder.rnn.weight_hh_l0 is \(whh): its rows must be 1, 3 or 4 times its \(hidden) columns")
    }
    var layers = 0
    while file.entries["encoder.rnn.weight_ih_l\(layers)"] != nil { layers += 1 }
    var configuration: Seq2SeqConfiguration?
    if let json = file.metadata["config"] {
      guard let c = try? JSONDecoder().decode(Seq2SeqConfiguration.self, from: Data(json.utf8)) else {
        throw fail("metadata 'config' is not a valid seq2seq configuration")
      }
      configuration = c
    }
    var generator = RandomGenerator(seed: 0)
    let model = Seq2Seq(sourceVocabSize: sourceEmbedding[0], targetVocabSize: dense[0], embedSize: sourceEmbedding[1],
                        hiddenSize: hidden, numLayers: layers, dropout: configuration?.dropout ?? 0, cell: kind, using: &generator)
    try file.load(into: model.namedParameters, model: "\(layers)-layer \(kind.displayName) seq2seq",
                  sizes: "with embed \(sourceEmbedding[1]) and hidden \(hidden)", fail: fail)
    let vocabs: (source: Vocab, target: Vocab)
    if let s = file.metadata["source_vocab"], let t = file.metadata["target_vocab"] {
      func read(_ json: String, _ key: String) throws -> Vocab {
        guard let tokens = try? JSONDecoder().decode([String].self, from: Data(json.utf8)) else {
          throw fail("metadata '\(key)' is not a JSON list of tokens")
        }
        do { return try Vocab(idxToToken: tokens) } catch { throw fail("metadata '\(key)': \(error)") }
      }
      vocabs = (try read(s, "source_vocab"), try read(t, "target_vocab"))
    } else {
      vocabs = try vocabularies()
    }
    guard vocabs.source.count == sourceEmbedding[0], vocabs.target.count == targetEmbedding[0] else {
      throw fail("the vocabularies have \(vocabs.source.count) and \(vocabs.target.count) tokens, but the embeddings have \(sourceEmbedding[0]) and \(targetEmbedding[0]) rows (a model of other data?)")
    }
    var history: [Seq2SeqEpochReport] = []
    if let json = file.metadata["history"] {
      history = (try? JSONDecoder().decode([Seq2SeqEpochReport].self, from: Data(json.utf8))) ?? []
    }
    return Seq2SeqCheckpoint(model: model, sourceVocab: vocabs.source, targetVocab: vocabs.target, configuration: configuration,
                             history: history)
  }
}
