import Foundation
import Testing
@testable import D2L

/// Greedy, exhaustive and beam search on the book's worked example, seeded tables and seeded
/// character models: k = 1 is greedy, a large k is exhaustive, bad arguments are refused.
@Suite struct SearchTests {
  let book = PrefixTableModel.bookExample
  var bookSettings: SearchSettings { SearchSettings(maxLength: 4, eos: PrefixTableModel.bookExampleEOS) }

  @Test func bookExampleGreedyIs0048AndBeamFinds0054() throws {
    let greedy = try book.greedySearch(from: book.start, settings: bookSettings)
    #expect(book.spell(greedy.tokens) == "A, B, C, <eos>")
    #expect(abs(greedy.probability - 0.048) < 1e-12)
    var traces: [BeamSearchTrace] = []
    let beam = try book.beamSearch(from: book.start, beamSize: 2, settings: bookSettings) { traces.append($0) }
    #expect(book.spell(beam.tokens) == "A, C, B, <eos>")
    #expect(abs(beam.probability - 0.054) < 1e-12)
    // Step 1 keeps A and B (B and C tie at 0.2: the first made is kept), step 2 A B and A C.
    #expect(traces.map { $0.kept.map { book.spell($0.tokens) } } == [
      ["A", "B"], ["A, B", "A, C"], ["A, C, B", "A, B, C"], ["A, C, B, <eos>", "A, B, C, <eos>"],
    ])
    let exhaustive = try book.exhaustiveSearch(from: book.start, settings: bookSettings)
    #expect(exhaustive.tokens == beam.tokens && exhaustive.score == beam.score)
  }

  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func beamOfOneIsGreedyOnTables(seed: UInt64) throws {
    let model = PrefixTableModel.seeded(vocabularySize: 5, depth: 6, eosWeight: 0.8, seed: seed)
    let settings = SearchSettings(maxLength: 6, eos: 4)
    let greedy = try model.greedySearch(from: model.start, settings: settings)
    let beam = try model.beamSearch(from: model.start, beamSize: 1, settings: settings)
    #expect(beam == greedy)
  }

  /// Every output that ends or runs to T′ stays in a beam of |𝒴|^T′, so nothing is dropped.
  @Test(arguments: [(11, 0.0), (12, 0.75), (13, 1.0), (14, 0.75), (15, 0.5)] as [(UInt64, Double)])
  func largeBeamIsExhaustiveOnTables(seed: UInt64, alpha: Double) throws {
    let model = PrefixTableModel.seeded(vocabularySize: 3, depth: 4, eosWeight: 0.7, seed: seed)
    let settings = SearchSettings(maxLength: 4, eos: 2, alpha: alpha)
    let exhaustive = try model.exhaustiveSearch(from: model.start, settings: settings)
    let beam = try model.beamSearch(from: model.start, beamSize: 81, settings: settings)
    #expect(beam.tokens == exhaustive.tokens)
    #expect(abs(beam.score - exhaustive.score) < 1e-12)
    #expect(abs(beam.logProbability - exhaustive.logProbability) < 1e-12)
  }

  /// A seeded character model: vocabulary of 4 characters, 1 GRU layer of 8.
  func tinyCharModel(seed: UInt64) -> (RNNModel, Vocab) {
    var g = RandomGenerator(seed: seed)
    let vocab = Vocab(tokens: Array("abcab").map(String.init))  // <unk>, a, b, c
    return (RNNModel(kind: .gru, vocabSize: vocab.count, hiddenSize: 8, numLayers: 1, using: &g), vocab)
  }

  @Test(arguments: [21, 22, 23] as [UInt64])
  func beamOfOneIsPredictOnTheCharacterModel(seed: UInt64) throws {
    var g = RandomGenerator(seed: seed)
    let vocab = Vocab(tokens: Array("the time traveller").map(String.init))
    let model = RNNModel(kind: .lstm, vocabSize: vocab.count, hiddenSize: 16, numLayers: 2, using: &g)
    let greedy = model.predict(prefix: "time ", count: 20, vocab: vocab)
    let beam = try model.continuation(of: "time ", count: 20, vocab: vocab) {
      try $0.beamSearch(from: $1, beamSize: 1, settings: $2)
    }
    let viaGreedy = try model.continuation(of: "time ", count: 20, vocab: vocab) {
      try $0.greedySearch(from: $1, settings: $2)
    }
    #expect(beam.text == greedy)
    #expect(viaGreedy.result == beam.result)
  }

  @Test(arguments: [31, 32] as [UInt64])
  func largeBeamIsExhaustiveOnTheCharacterModel(seed: UInt64) throws {
    let (model, vocab) = tinyCharModel(seed: seed)
    let start = model.searchStart(prefix: "ab", vocab: vocab)
    // No <eos> in a character model: every output has T′ tokens, and α only scales them alike.
    let settings = SearchSettings(maxLength: 4)
    let exhaustive = try model.exhaustiveSearch(from: start, settings: settings)
    let beam = try model.beamSearch(from: start, beamSize: 256, settings: settings)
    #expect(beam.tokens == exhaustive.tokens)
    #expect(abs(beam.score - exhaustive.score) < 1e-9)
    // And a character of the vocabulary stands in for <eos>, so that lengths vary.
    let ended = SearchSettings(maxLength: 4, eos: 3, alpha: 0.75)
    let e2 = try model.exhaustiveSearch(from: start, settings: ended)
    let b2 = try model.beamSearch(from: start, beamSize: 256, settings: ended)
    #expect(b2.tokens == e2.tokens && abs(b2.score - e2.score) < 1e-9)
  }

  @Test func beamIsNeverWorseThanGreedyInLogPOnTheBookExampleWithNoPenalty() throws {
    var settings = bookSettings
    settings.alpha = 0
    let greedy = try book.greedySearch(from: book.start, settings: settings)
    for k in 1...8 {
      let beam = try book.beamSearch(from: book.start, beamSize: k, settings: settings)
      #expect(beam.score >= greedy.score, "k = \(k)")
    }
  }

  @Test func badArgumentsAreRefusedWithTheirReason() {
    let settings = bookSettings
    #expect(throws: SearchError.beamSize(0)) { try book.beamSearch(from: [], beamSize: 0, settings: settings) }
    #expect(throws: SearchError.beamTooLarge(5000, limit: SearchLimits.maximumBeamSize)) {
      try book.beamSearch(from: [], beamSize: 5000, settings: settings)
    }
    var negative = settings
    negative.alpha = -0.5
    #expect(throws: SearchError.negativeAlpha(-0.5)) { try book.beamSearch(from: [], beamSize: 2, settings: negative) }
    #expect(throws: SearchError.negativeAlpha(-0.5)) { try book.greedySearch(from: [], settings: negative) }
    let big = PrefixTableModel.seeded(vocabularySize: 28, depth: 1, seed: 1)
    #expect(throws: SearchError.tooManySequences(vocabularySize: 28, maxLength: 10, limit: SearchLimits.maximumSequences)) {
      try big.exhaustiveSearch(from: [], settings: SearchSettings(maxLength: 10))
    }
    #expect(throws: SearchError.maxLength(0)) { try book.greedySearch(from: [], settings: SearchSettings(maxLength: 0)) }
    #expect(SearchError.beamSize(0).description.contains("at least 1"))
    #expect(SearchError.negativeAlpha(-1).description.contains("≥ 0"))
    #expect(SearchError.tooManySequences(vocabularySize: 28, maxLength: 10, limit: 1_000_000).description.contains("28^10"))
  }

  @Test func aStepThatKeepsTooManyOrStrangersIsRefused() {
    let perParent: BeamStepFunction = { beam, rows, k, eos in
      beam.indices.flatMap { i in BeamStep.keepBest([beam[i]], [rows[i]], k, eos) }
    }
    #expect(throws: SearchError.self) {
      try book.beamSearch(from: [], beamSize: 2, settings: bookSettings, step: perParent)
    }
    let stranger: BeamStepFunction = { _, _, _, _ in [BeamEntry(tokens: [1, 1], logProbability: 0, finished: false)] }
    #expect(throws: SearchError.self) {
      try book.beamSearch(from: [], beamSize: 2, settings: bookSettings, step: stranger)
    }
  }
}

/// The same searches on the translation model's decoder.
@Suite struct Seq2SeqSearchTests {
  /// A seeded, untrained seq2seq model over tiny vocabularies (the target: <unk> <pad> <bos> <eos> + words).
  static func model(seed: UInt64, targetWords: [String]) -> (Seq2Seq, Vocab, Vocab) {
    let source = Vocab(tokens: ["go", ".", "i", "lost", "go", ".", "i", "lost"], reservedTokens: translationReservedTokens)
    let target = Vocab(tokens: targetWords, reservedTokens: translationReservedTokens)
    var g = RandomGenerator(seed: seed)
    let model = Seq2Seq(sourceVocabSize: source.count, targetVocabSize: target.count, embedSize: 8, hiddenSize: 8,
                        numLayers: 2, dropout: 0.1, using: &g)
    return (model, source, target)
  }

  @Test(arguments: [41, 42, 43] as [UInt64])
  func beamOfOneIsPredictSeq2Seq(seed: UInt64) throws {
    let (model, source, target) = Self.model(seed: seed, targetWords: ["va", "!", "j'ai", "perdu", ".", "va", "perdu"])
    for sentence in ["go .", "i lost .", "go lost"] {
      let greedy = model.predict(sentence, sourceVocab: source, targetVocab: target, numSteps: 10)
      let beam = try model.translate(sentence, sourceVocab: source, targetVocab: target, numSteps: 10) {
        try $0.beamSearch(from: $1, beamSize: 1, settings: $2)
      }
      #expect(beam.tokens == greedy.tokens && beam.translation == greedy.translation, "\(sentence)")
      let viaGreedy = try model.translate(sentence, sourceVocab: source, targetVocab: target, numSteps: 10) {
        try $0.greedySearch(from: $1, settings: $2)
      }
      #expect(viaGreedy.result == beam.result)
    }
    #expect(model.isTraining, "translate puts the model back in the mode it was in")
  }

  @Test(arguments: [51, 52] as [UInt64])
  func largeBeamIsExhaustiveOnATinyTargetVocabulary(seed: UInt64) throws {
    let (model, source, target) = Self.model(seed: seed, targetWords: ["va"])  // |V| = 5
    let exhaustive = try model.translate("go .", sourceVocab: source, targetVocab: target, numSteps: 4) {
      try $0.exhaustiveSearch(from: $1, settings: $2)
    }
    let beam = try model.translate("go .", sourceVocab: source, targetVocab: target, numSteps: 4) {
      try $0.beamSearch(from: $1, beamSize: 625, settings: $2)
    }
    #expect(beam.tokens == exhaustive.tokens)
    #expect(abs(beam.result.score - exhaustive.result.score) < 1e-9)
  }
}
