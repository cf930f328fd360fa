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

/// `lessons translate --beam K [--alpha A]`: k = 1 prints greedy's (predict_seq2seq's)
/// translations; bad beam sizes and α are refused before anything loads.
@Suite struct TranslateBeamTests {
  @Test func beamOfOnePrintsGreedysTranslations() throws {
    try Reliability.withTemporaryDirectory { dir in
      let source = Vocab(tokens: ["go", ".", "i", "lost", "go", ".", "i", "lost"], reservedTokens: translationReservedTokens)
      let target = Vocab(tokens: ["va", "!", "j'ai", "perdu", ".", "va", "perdu", "."], reservedTokens: translationReservedTokens)
      var g = RandomGenerator(seed: 3)
      let model = Seq2Seq(sourceVocabSize: source.count, targetVocabSize: target.count, embedSize: 8, hiddenSize: 8,
                          numLayers: 2, dropout: 0.1, using: &g)
      let file = dir.appendingPathComponent("s2s.safetensors")
      try Seq2SeqCheckpoint(model: model, sourceVocab: source, targetVocab: target).save(to: file)
      func translate(_ extra: [String]) throws -> String {
        let result = try LessonsBinary.run(["translate", "--weights", file.path, "go .", "i lost ."] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
      }
      let greedy = try translate([])
      #expect(try translate(["--beam", "1"]) == greedy)
      let wide = try translate(["--beam", "4", "--alpha", "0.5"])
      #expect(wide.components(separatedBy: "\n").filter { $0.hasPrefix("go . => ") || $0.hasPrefix("i lost . => ") }.count == 2)
      let refused = try LessonsBinary.run(["translate", "--weights", file.path, "--beam", "0", "go ."])
      #expect(refused.status == 64 && refused.stderr.hasPrefix("Error: --beam: the beam size must be at least 1, got 0"), "\(refused.stderr)")
    }
  }

  /// The model read the book lower-cased: a prefix with capitals is read the same way (it was
  /// "<unk>ime"), and what the vocabulary lacks is named on stderr.
  @Test func aCapitalisedPrefixIsReadLowerCasedAndUnknownCharactersAreNamed() throws {
    try Reliability.withTemporaryDirectory { dir in
      var generator = RandomGenerator(seed: 7)
      let model = RNNModel(kind: .gru, vocabSize: Vocab.timeMachine.count, hiddenSize: 8, numLayers: 1, using: &generator)
      let file = dir.appendingPathComponent("tiny.safetensors")
      try ModelCheckpoint(model: model, vocab: .timeMachine).save(to: file)
      let result = try LessonsBinary.run(["predict", "--weights", file.path, "--prefix", "Time!", "--chars", "3"])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout.hasPrefix("time<unk>"), "\(result.stdout)")
      #expect(result.stderr.contains("note: the prefix is read lower-cased, as the model read the book: \"time!\""))
      #expect(result.stderr.contains("note: '!' not in the model's vocabulary: read as <unk>"), "\(result.stderr)")
    }
  }
}
