import D2L
import Foundation
import LessonEngine

/// A trained model handed between the walk and the playground as a safetensors checkpoint
/// with its history: the output of a training step (`Step.Output` is `TrainingRun.Outcome`),
/// too expensive to compute twice.
public struct TrainedModelHandover<Step: LessonStep>: StepHandover where Step.Output == TrainingRun.Outcome {
  public init(_ step: Step.Type) {}

  public var stepID: String { Step.id }

  /// The checkpoint's file in `folder`.
  public func file(in folder: URL) -> URL { folder.appendingPathComponent("\(Step.id).safetensors") }

  /// Saves the trained model, if the step has run (atomically, like every checkpoint).
  public func save(_ results: StepResults, in folder: URL) throws {
    guard let outcome = results.outputIfRun(of: Step.self) else { return }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let checkpoint = ModelCheckpoint(model: outcome.model, vocab: outcome.vocab, configuration: nil, history: outcome.history)
    try checkpoint.save(to: file(in: folder))
  }

  /// Puts the saved model into `results`; false when there is none to load.
  public func load(into results: StepResults, from folder: URL) throws -> Bool {
    let url = file(in: folder)
    guard FileManager.default.fileExists(atPath: url.path) else { return false }
    let checkpoint = try ModelCheckpoint.load(from: url)
    let outcome = TrainingRun.Outcome(
      model: checkpoint.model, vocab: checkpoint.vocab, history: checkpoint.history, predictions: [],
      wallSeconds: 0, interrupted: false)
    results.store(outcome, of: Step.self)
    return true
  }
}
