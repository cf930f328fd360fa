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
    checkpoint.trainingMetadata["cache.predictions"] = try CachedPredictions.encode(predictions)
    checkpoint.trainingMetadata["cache.wallSeconds"] = "\(wallSeconds)"
    checkpoint.trainingMetadata["cache.interrupted"] = "\(interrupted)"
    try checkpoint.save(to: url)
  }

  public static func readCache(from url: URL) throws -> TrainingRun.Outcome {
    let checkpoint = try ModelCheckpoint.load(from: url)
    let metadata = checkpoint.trainingMetadata
    guard let predictions = CachedPredictions.decode(metadata["cache.predictions"]),
      let wall = metadata["cache.wallSeconds"].flatMap(Double.init),
      let interrupted = metadata["cache.interrupted"].flatMap(Bool.init)
    else { throw CachedRunError(file: url.lastPathComponent) }
    return TrainingRun.Outcome(
      model: checkpoint.model, vocab: checkpoint.vocab, history: checkpoint.history,
      predictions: predictions, wallSeconds: wall, interrupted: interrupted)
  }
}

/// A checkpoint in the cache without the run's predictions and time beside its weights.
struct CachedRunError: Error, CustomStringConvertible {
  let file: String
  var description: String { "\(file): no cached run's predictions and time in its metadata" }
}
