import D2L
import Foundation
import LessonEngine

/// Step outputs too expensive to compute twice, handed between the walk and the playground as
/// files: the trained model of step `train`, as a safetensors checkpoint with its history.
public enum Handover {
  /// The file that holds step `id`'s output, for the steps that are handed over.
  public static func file(for id: String, in folder: URL) -> URL? {
    id == TrainStep.id ? folder.appendingPathComponent("train.safetensors") : nil
  }

  /// Saves what a handed-over step produced, if it has run (atomically, like every checkpoint).
  public static func save(_ results: StepResults, in folder: URL) throws {
    guard let outcome = results.outputIfRun(of: TrainStep.self), let url = file(for: TrainStep.id, in: folder) else { return }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let checkpoint = ModelCheckpoint(model: outcome.model, vocab: outcome.vocab, configuration: nil, history: outcome.history)
    try checkpoint.save(to: url)
  }

  /// Puts step `id`'s handed-over output into `results`; false when there is none to load.
  public static func load(_ id: String, into results: StepResults, from folder: URL) throws -> Bool {
    guard let url = file(for: id, in: folder), FileManager.default.fileExists(atPath: url.path) else { return false }
    let checkpoint = try ModelCheckpoint.load(from: url)
    let outcome = TrainingRun.Outcome(
      model: checkpoint.model, vocab: checkpoint.vocab, history: checkpoint.history, predictions: [],
      wallSeconds: 0, interrupted: false)
    results.store(outcome, of: TrainStep.self)
    return true
  }
}
