import BiRNNLesson
import CourseKit
import D2L
import Foundation
import Testing

/// bi-train's two models in the step cache: both come back with their weights and histories,
/// the bidirectional one as the checkpoint and the one-directional one beside it.
@Suite struct BiTrainCacheTests {
  static func model(bidirectional: Bool, seed: UInt64) -> RNNModel {
    var generator = RandomGenerator(seed: seed)
    return RNNModel(kind: .lstm, vocabSize: Vocab.timeMachine.count, hiddenSize: 4, numLayers: 2,
                    bidirectional: bidirectional, using: &generator)
  }

  static func history(_ perplexity: Double) -> [EpochReport] {
    let report = #"{"epoch": 1, "perplexity": \#(perplexity), "tokensPerSecond": 1000, "seconds": 0.25}"#
    return [try! JSONDecoder().decode(EpochReport.self, from: Data(report.utf8))]
  }

  @Test func bothModelsComeBackAsTheyWereKept() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("bi-\(UUID().uuidString).safetensors")
    defer { try? FileManager.default.removeItem(at: url) }
    let vocab = Vocab.timeMachine
    let kept = BiTrainStep.Output(
      oneDirectional: TrainedModel(model: Self.model(bidirectional: false, seed: 1), vocab: vocab, history: Self.history(3.5)),
      bidirectional: TrainedModel(model: Self.model(bidirectional: true, seed: 2), vocab: vocab, history: Self.history(1.5)))
    try kept.writeCache(to: url)
    let back = try BiTrainStep.Output.readCache(from: url)
    for (a, b) in [(back.oneDirectional, kept.oneDirectional), (back.bidirectional, kept.bidirectional)] {
      #expect(a.model.bidirectional == b.model.bidirectional && a.history == b.history && a.vocab == b.vocab)
      #expect(a.model.namedParameters.map(\.name) == b.model.namedParameters.map(\.name))
      for ((name, x), (_, y)) in zip(a.model.namedParameters, b.model.namedParameters) {
        #expect(x.shape == y.shape && x.scalars == y.scalars, "\(name)")
      }
    }
  }
}
