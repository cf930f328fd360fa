import D2L
import Foundation
import LessonEngine

/// The chapter's trained model in the step cache: a safetensors checkpoint (the library's
/// checkpoint writer: weights under PyTorch's names, vocabulary and history as metadata),
/// with the predictions and the run's time beside them, so that the steps after `train`
/// read back exactly what the run produced.
extension TrainingRun.Outcome: CachableOutput {
  public static var cacheFileExtension: String { "safetensors" }

  public func writeCache(to url: URL) throws {
    var checkpoint = ModelCheckpoint(model: model, vocab: vocab, history: history)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    checkpoint.trainingMetadata["cache.predictions"] = String(
      decoding: try encoder.encode(predictions.map { [$0.prefix, $0.text] }), as: UTF8.self)
    checkpoint.trainingMetadata["cache.wallSeconds"] = "\(wallSeconds)"
    checkpoint.trainingMetadata["cache.interrupted"] = "\(interrupted)"
    try checkpoint.save(to: url)
  }

  public static func readCache(from url: URL) throws -> TrainingRun.Outcome {
    let checkpoint = try ModelCheckpoint.load(from: url)
    let metadata = checkpoint.trainingMetadata
    guard let json = metadata["cache.predictions"],
      let pairs = try? JSONDecoder().decode([[String]].self, from: Data(json.utf8)), pairs.allSatisfy({ $0.count == 2 }),
      let wall = metadata["cache.wallSeconds"].flatMap(Double.init),
      let interrupted = metadata["cache.interrupted"].flatMap(Bool.init)
    else { throw CachedRunError(file: url.lastPathComponent) }
    return TrainingRun.Outcome(
      model: checkpoint.model, vocab: checkpoint.vocab, history: checkpoint.history,
      predictions: pairs.map { ($0[0], $0[1]) }, wallSeconds: wall, interrupted: interrupted)
  }
}

/// A checkpoint in the cache without the run's predictions and time beside its weights.
struct CachedRunError: Error, CustomStringConvertible {
  let file: String
  var description: String { "\(file): no cached run's predictions and time in its metadata" }
}
