import Foundation
import Testing
@testable import D2L
@testable import CourseKit
@testable import Seq2SeqLesson

/// CourseKit's encoder-decoder training loop on a tiny made-up corpus: with the book's switches
/// it computes what the library's `Seq2SeqTrainer` computes, and each switch changes what it
/// should; the lesson's bridged decoder keeps the interface's shapes.
@Suite struct TranslationTrainingTests {
  /// Six pairs of short "sentences" over small vocabularies, padded to 5 steps.
  static func tinyData() -> TranslationData {
    let source = [["a", "b"], ["b", "c", "a"], ["c"], ["a", "a", "b", "c"], ["b"], ["c", "b"]]
    let target = [["x", "y"], ["y", "z"], ["z", "x", "y"], ["x"], ["y", "y"], ["z", "z", "x"]]
    let sourceVocab = Vocab(lines: source, minFreq: 1, reservedTokens: translationReservedTokens)
    let targetVocab = Vocab(lines: target, minFreq: 1, reservedTokens: translationReservedTokens)
    let (x, xValid) = buildArrayNMT(source, vocab: sourceVocab, numSteps: 5)
    let (y, yValid) = buildArrayNMT(target, vocab: targetVocab, numSteps: 5)
    let loader = TranslationDataLoader(source: x, sourceValidLengths: xValid, target: y, targetValidLengths: yValid,
                                       batchSize: 4, seed: 3)
    return TranslationData(loader: loader, sourceVocab: sourceVocab, targetVocab: targetVocab, source: source, target: target)
  }

  static func configuration() -> Seq2SeqConfiguration {
    var c = Seq2SeqConfiguration()
    (c.embedSize, c.hiddenSize, c.numLayers, c.dropout, c.numSteps, c.batchSize, c.epochs, c.seed) = (6, 8, 2, 0.1, 5, 4, 3, 11)
    return c
  }

  static func settings(_ change: (inout TranslationSettings) -> Void = { _ in }) -> TranslationSettings {
    var s = TranslationSettings()
    s.epochs = 3
    change(&s)
    return s
  }

  /// The loop on the book's model.
  func train(_ model: Seq2Seq, data: TranslationData, settings: TranslationSettings) -> TranslationHistory {
    trainTranslator(model.encoder, model.decoder, data: data, settings: settings)
  }

  @Test func theBookSwitchesComputeWhatSeq2SeqTrainerComputes() throws {
    let (data, c) = (Self.tinyData(), Self.configuration())
    let trainer = Seq2SeqTrainer(model: Seq2SeqTrainer.freshModel(c, data: data), data: data, configuration: c)
    let library = try (1...3).map { _ in try trainer.trainEpoch().loss }
    let lesson = train(Seq2SeqTrainer.freshModel(c, data: data), data: data, settings: Self.settings()).losses
    for (a, b) in zip(library, lesson) { #expect(abs(a - b) <= 1e-6 * max(1, abs(a)), "\(library) vs \(lesson)") }
  }

  @Test func sumIsTheMeanTimesTheStepsBeforeAnyUpdate() {
    let (data, c) = (Self.tinyData(), Self.configuration())
    let one = Self.settings { $0.epochs = 1; $0.learningRate = 0 }
    let mean = train(Seq2SeqTrainer.freshModel(c, data: data), data: data, settings: one)
    let sum = train(Seq2SeqTrainer.freshModel(c, data: data), data: data, settings: Self.settings {
      $0.epochs = 1; $0.learningRate = 0; $0.reduction = .sum
    })
    #expect(abs(sum.losses[0] - 5 * mean.losses[0]) <= 1e-5 * sum.losses[0])
    #expect(abs(sum.perToken[0] - mean.perToken[0]) <= 1e-6)  // the comparable figure is the same
  }

  @Test func withoutTheMaskThePaddingCounts() {
    let (data, c) = (Self.tinyData(), Self.configuration())
    let frozen = Self.settings { $0.epochs = 1; $0.learningRate = 0 }
    let masked = train(Seq2SeqTrainer.freshModel(c, data: data), data: data, settings: frozen)
    let unmasked = train(Seq2SeqTrainer.freshModel(c, data: data), data: data, settings: Self.settings {
      $0.epochs = 1; $0.learningRate = 0; $0.masked = false
    })
    // Same weights, no update: the per-token figure (valid tokens only) agrees, the loss trained on does not.
    #expect(abs(masked.perToken[0] - unmasked.perToken[0]) <= 1e-6)
    #expect(unmasked.losses[0] > masked.losses[0] * 1.2)
  }

  @Test func freeRunningFeedsBackTheBestWord() {
    let (data, c) = (Self.tinyData(), Self.configuration())
    let model = Seq2SeqTrainer.freshModel(c, data: data)
    model.isTraining = false
    let batch = data.loader.batches(forEpoch: 0)[0]
    let bos = data.targetVocab["<bos>"]
    let scores = freeRunning(model.encoder, model.decoder, batch.source, validLengths: batch.sourceValidLengths, bos: bos)
    #expect(scores.shape == [batch.batchSize, 5, data.targetVocab.count])
    // One decoder call per step on the best word of the step before, from the encoder's state,
    // as the book's prediction does (the context is then the decoder's own latest state).
    var state = model.decoder.initState(model.encoder(batch.source))
    var previous = [Int32](repeating: Int32(bos), count: batch.batchSize)
    var difference: Float = 0
    for t in 0..<5 {
      let (logits, next) = model.decoder.step(previous, state: state)
      state = next
      for b in 0..<batch.batchSize {
        for k in 0..<data.targetVocab.count {
          difference = max(difference, abs(logits[b][k].scalar - scores[b][t][k].scalar))
        }
      }
      previous = logits.argmax().map { Int32($0) }
    }
    #expect(difference < 1e-5)
  }

  @Test func theBridgeGivesEveryDecoderLayerAState() {
    var g = RandomGenerator(seed: 5)
    let encoder = Seq2SeqEncoder(vocabSize: 9, embedSize: 4, hiddenSize: 12, numLayers: 1, using: &g)
    let decoder = BridgedDecoder(Seq2SeqDecoder(vocabSize: 7, embedSize: 4, hiddenSize: 6, numLayers: 2, using: &g),
                                 encoderHiddens: 12, using: &g)
    let source = TokenSequences(rows: [[1, 2, 3], [4, 5, 6]])
    let state = decoder.initState(encoder(source), validLengths: nil)
    #expect(state.hidden.shape == [2, 2, 6])
    #expect(decoder(source, state: state).output.shape == [2, 3, 7])
    #expect(decoder.namedParameters.contains { $0.name == "bridge.weight" && $0.tensor.shape == [12, 12] })
  }
}
