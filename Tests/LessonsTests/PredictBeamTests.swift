import D2L
import Foundation
import Testing

/// `lessons predict --beam K`: k = 1 prints greedy's text, a wider beam a continuation of the
/// same length at least as likely under the model.
@Suite struct PredictBeamTests {
  @Test func beamOfOnePrintsGreedysTextAndAWiderBeamIsAtLeastAsLikely() throws {
    try Reliability.withTemporaryDirectory { dir in
      var generator = RandomGenerator(seed: 7)
      var configuration = TrainingConfiguration()
      (configuration.cell, configuration.hiddenSize, configuration.numLayers) = (.gru, 16, 1)
      let model = RNNModel(kind: .gru, vocabSize: Vocab.timeMachine.count, hiddenSize: 16, numLayers: 1, using: &generator)
      let file = dir.appendingPathComponent("tiny.safetensors")
      try ModelCheckpoint(model: model, vocab: .timeMachine, configuration: configuration).save(to: file)
      func predict(_ extra: [String]) throws -> String {
        let result = try LessonsBinary.run(["predict", "--weights", file.path, "--prefix", "time ", "--chars", "12"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .newlines)
      }
      let greedy = try predict([]), beam1 = try predict(["--beam", "1"]), beam4 = try predict(["--beam", "4"])
      #expect(beam1 == greedy)
      // The random model predicts <unk> too, which prints as five characters.
      func tokens(_ text: String) -> [Int] {
        var rest = Substring(text.dropFirst(5)), result: [Int] = []
        while let ch = rest.first {
          if rest.hasPrefix(Vocab.unknownToken) {
            result.append(Vocab.unknownIndex)
            rest = rest.dropFirst(Vocab.unknownToken.count)
          } else {
            result.append(Vocab.timeMachine[String(ch)])
            rest = rest.dropFirst()
          }
        }
        return result
      }
      #expect(tokens(beam4).count == 12 && tokens(greedy).count == 12 && beam4.hasPrefix("time "))
      let start = model.searchStart(prefix: "time ", vocab: .timeMachine)
      func logP(_ text: String) -> Double {
        var state = start, sum = 0.0
        for token in tokens(text) {
          sum += model.logProbabilities(in: state)[token]
          state = model.state(after: token, in: state)
        }
        return sum
      }
      #expect(logP(beam4) >= logP(greedy) - 1e-9, "\(beam4) vs \(greedy)")
    }
  }
}
