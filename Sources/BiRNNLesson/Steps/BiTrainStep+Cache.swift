import CourseKit
import D2L
import Foundation
import LessonEngine

/// Both trained models in the step cache, in one checkpoint: the bidirectional model as the
/// library's checkpoint (PyTorch's names), the one-directional one beside it under
/// `training.one.*` with its history in the metadata. Both read the same vocabulary. So the
/// steps after `bi-train` (prediction, the future's share, polysemy) run on what the walk
/// trained, without training twice again.
extension BiTrainStep.Output: CachableOutput {
  public static var cacheFileExtension: String { "safetensors" }

  public func writeCache(to url: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    var tensors: [String: Tensor] = [:]
    for (name, tensor) in oneDirectional.model.namedParameters { tensors["one." + name] = tensor }
    let history = String(decoding: try encoder.encode(oneDirectional.history), as: UTF8.self)
    try ModelCheckpoint(
      model: bidirectional.model, vocab: bidirectional.vocab, history: bidirectional.history, trainingTensors: tensors,
      trainingMetadata: ["one.history": history]
    ).save(to: url)
  }

  public static func readCache(from url: URL) throws -> BiTrainStep.Output {
    let checkpoint = try ModelCheckpoint.load(from: url)
    let (bi, file) = (checkpoint.model, url.lastPathComponent)
    guard bi.bidirectional else { throw CachedModelsError(file: file, reason: "its model is not bidirectional") }
    var generator = RandomGenerator(seed: 0)
    let one = RNNModel(kind: bi.kind, vocabSize: bi.vocabSize, hiddenSize: bi.hiddenSize, numLayers: bi.rnn.numLayers,
                       using: &generator)
    for (name, parameter) in one.namedParameters {
      guard let value = checkpoint.trainingTensors["one." + name], value.shape == parameter.shape else {
        throw CachedModelsError(file: file, reason: "no one-directional tensor '\(name)' of shape \(parameter.shape)")
      }
      parameter.assign(value)
    }
    guard let json = checkpoint.trainingMetadata["one.history"],
      let history = try? JSONDecoder().decode([EpochReport].self, from: Data(json.utf8))
    else { throw CachedModelsError(file: file, reason: "no one-directional history in its metadata") }
    return BiTrainStep.Output(
      oneDirectional: TrainedModel(model: one, vocab: checkpoint.vocab, history: history),
      bidirectional: TrainedModel(model: bi, vocab: checkpoint.vocab, history: checkpoint.history))
  }
}

/// A cached pair of models that cannot be read back (the cache then ignores it and the step runs).
struct CachedModelsError: Error, CustomStringConvertible {
  let file: String, reason: String
  var description: String { "\(file): \(reason)" }
}
