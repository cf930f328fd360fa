import CourseKit
import D2L
import Foundation
import Testing

/// The trained scratch GRU in the step cache: it comes back with the same weights, vocabulary,
/// history and predictions, so that a second walk does not train it again; a file of another
/// cell is refused, naming the file and the cell, and the cache then runs the step.
@Suite struct ScratchCacheTests {
  static func trained() -> TrainedScratch<GRUScratch> {
    var generator = RandomGenerator(seed: 7)
    let vocab = Vocab.timeMachine
    let cell = GRUScratch(numInputs: vocab.count, numHiddens: 4, sigma: 0.5, using: &generator)
    let model = ScratchLanguageModel(cell: cell, vocabSize: vocab.count, sigma: 0.5, using: &generator)
    let report = #"{"epoch": 1, "perplexity": 17.5, "tokensPerSecond": 1000, "seconds": 0.25}"#
    let history = [try! JSONDecoder().decode(EpochReport.self, from: Data(report.utf8))]
    let outcome = TrainingRun.ModelOutcome(
      model: model, vocab: vocab, history: history, predictions: [("time traveller", "time traveller and")], wallSeconds: 3.5)
    return TrainedScratch(model: model, outcome: outcome)
  }

  @Test func aTrainedScratchModelComesBackAsItWasKept() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("scratch-\(UUID().uuidString).safetensors")
    defer { try? FileManager.default.removeItem(at: url) }
    let kept = Self.trained()
    try kept.writeCache(to: url)
    let back = try TrainedScratch<GRUScratch>.readCache(from: url)
    #expect(back.model.namedParameters.map(\.name) == kept.model.namedParameters.map(\.name))
    for ((name, a), (_, b)) in zip(back.model.namedParameters, kept.model.namedParameters) {
      #expect(a.shape == b.shape && a.scalars == b.scalars, "\(name)")
    }
    #expect(back.vocab == kept.vocab)
    #expect(back.outcome.history == kept.outcome.history)
    #expect(back.outcome.predictions.map(\.text) == ["time traveller and"] && back.outcome.wallSeconds == 3.5)
  }

  @Test func aFileOfAnotherCellIsRefusedNamingIt() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("scratch-\(UUID().uuidString).safetensors")
    defer { try? FileManager.default.removeItem(at: url) }
    try Self.trained().writeCache(to: url)
    do {
      _ = try TrainedScratch<LSTMScratch>.readCache(from: url)
      Issue.record("an LSTM was read from a GRU's file")
    } catch {
      #expect("\(error)" == "\(url.lastPathComponent): holds a gru cell, not a lstm", "\(error)")
    }
  }
}
