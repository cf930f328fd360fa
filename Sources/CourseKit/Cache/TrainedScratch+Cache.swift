import D2L
import Foundation
import LessonEngine

/// A section's trained scratch model in the step cache: its parameters under their own names
/// (`W_xz`, …, `W_hq`, `b_q`) in a safetensors file, with the vocabulary, the history, the
/// predictions and the run's time as metadata, so that the steps reading the model (the
/// concise layer's agreement, the gates, the published comparison) get back exactly what the
/// run produced, without training it again.
extension TrainedScratch: CachableOutput {
  public static var cacheFileExtension: String { "safetensors" }

  public func writeCache(to url: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    func json<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
    let metadata = [
      "cell": Cell.kind.name, "vocab": try json(vocab.idxToToken), "history": try json(outcome.history),
      "predictions": try CachedPredictions.encode(outcome.predictions), "wallSeconds": "\(outcome.wallSeconds)",
    ]
    try writeAtomically(try SafeTensorsFile.encode(model.namedParameters, metadata: metadata), to: url)
  }

  public static func readCache(from url: URL) throws -> TrainedScratch<Cell> {
    let file = try SafeTensorsFile(contentsOf: url)
    let metadata = file.metadata
    func fail(_ reason: String) -> CachedScratchError { CachedScratchError(file: url.lastPathComponent, reason: reason) }
    func decode<T: Decodable>(_ key: String, as type: T.Type) throws -> T {
      guard let text = metadata[key], let value = try? JSONDecoder().decode(T.self, from: Data(text.utf8)) else {
        throw fail("no readable '\(key)' in its metadata")
      }
      return value
    }
    guard metadata["cell"] == Cell.kind.name else { throw fail("holds a \(metadata["cell"] ?? "?") cell, not a \(Cell.kind.name)") }
    let vocab = try Vocab(idxToToken: try decode("vocab", as: [String].self))
    let history = try decode("history", as: [EpochReport].self)
    guard let predictions = CachedPredictions.decode(metadata["predictions"]), let wall = metadata["wallSeconds"].flatMap(Double.init),
      let output = file.entries["W_hq"], output.shape.count == 2
    else { throw fail("its predictions, time or W_hq are missing") }
    var generator = RandomGenerator(seed: 0)
    guard let model = Cell.kind.scratchModel(vocabSize: vocab.count, numHiddens: output.shape[0], using: &generator)
      as? ScratchLanguageModel<Cell>
    else { throw fail("no scratch model of its cell") }
    for (name, parameter) in model.namedParameters {
      let value = try file.tensor(name)
      guard value.shape == parameter.shape else { throw fail("tensor '\(name)' is \(value.shape), not \(parameter.shape)") }
      parameter.assign(value)
    }
    guard Set(file.entries.keys) == Set(model.namedParameters.map(\.name)) else { throw fail("its tensors are not this cell's") }
    let outcome = TrainingRun.ModelOutcome(
      model: model, vocab: vocab, history: history, predictions: predictions, wallSeconds: wall)
    return TrainedScratch(model: model, outcome: outcome)
  }
}

/// A cached scratch model that cannot be read back (the cache then ignores it and the step runs).
struct CachedScratchError: Error, CustomStringConvertible {
  let file: String, reason: String
  var description: String { "\(file): \(reason)" }
}
