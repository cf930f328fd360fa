import D2L
import Foundation
import Testing
@testable import BeamSearchLesson
@testable import LessonEngine

/// The lesson files and its steps: both languages parse against the catalogue with the same
/// steps and the same shown code, the worked example prints the book's figures, and every step
/// runs at tiny sizes.
@Suite(.serialized) struct BeamSearchLessonTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static var hasData: Bool {
    (try? DataLocator().locate(.timeMachine)) != nil && (try? DataLocator().locate(.fraEng)) != nil
  }

  static func plan(_ language: String, overrides: [String] = []) throws -> LessonPlan {
    let file = BeamSearchLesson.lesson.files[language]!
    return try BeamSearchLesson.lesson.plan(path: root.appendingPathComponent(file).path, overrides: overrides, sourcesRoot: root)
  }

  @Test func bothLanguagesHaveTheSameStepsAndDefaults() throws {
    let (en, vi) = (try Self.plan("en"), try Self.plan("vi"))
    #expect(en.entries.map(\.step.id) == vi.entries.map(\.step.id))
    #expect(Set(en.entries.map(\.step.id)) == Set(BeamSearchLesson.catalog.all.map(\.id)))
    for (a, b) in zip(en.entries, vi.entries) {
      #expect(a.step.parameters.map(\.name) == b.step.parameters.map(\.name), "\(a.step.id)")
      #expect(a.step.parameters.map(\.value) == b.step.parameters.map(\.value), "\(a.step.id)")
      #expect(a.step.code == b.step.code, "\(a.step.id): the two languages show different code")
    }
  }

  @Test func everyStringExistsInBothLanguages() {
    #expect(Set(BeamStrings.en.keys) == Set(BeamStrings.vi.keys))
  }

  @Test func theWorkedExamplePrintsTheBooksFiguresAndEveryKeptCandidate() throws {
    let out = StepOutput(color: false, width: 100)
    let result = try BeamExampleStep.run(.init(beamSize: 2, alpha: 0.75), out)
    let printed = out.takeEvents().map { "\($0)" }.joined(separator: "\n")
    #expect(printed.contains("A, B, C, <eos>:  P = 0.5 × 0.4 × 0.4 × 0.6 = 0.048"))
    #expect(printed.contains("A, C, B, <eos>:  P = 0.5 × 0.3 × 0.6 × 0.6 = 0.054"))
    #expect(printed.contains("t′ = 2: A, B (0.200)   A, C (0.150)"))
    #expect(result.beam.tokens == result.exhaustive.tokens)
    // k = 1 is greedy's output.
    let one = try BeamExampleStep.run(.init(beamSize: 1, alpha: 0.75), StepOutput(color: false, width: 100))
    #expect(one.beam.tokens == one.greedy.tokens)
  }

  @Test(.enabled(if: hasData, "needs timemachine.txt and fra-eng/fra.txt in D2L_DATA_DIR"), arguments: ["en", "vi"])
  func everyStepRunsAtTinySizes(language: String) throws {
    try Language.speaking(language == "vi" ? .vi : .en) {
      let plan = try Self.plan(language, overrides: BeamSearchLesson.lesson.quickValues)
      let results = StepResults()
      for entry in plan.entries {
        try entry.definition.run(StepOutput(color: false, width: 100), entry.values, results)
      }
      // The translation table: one row per beam size, k = 1 unchanged against itself, times measured.
      let table = try #require(results.outputIfRun(of: BeamTableStep.self))
      #expect(table.map(\.beamSize) == [1, 2, 3, 5, 10])
      #expect(table[0].changed == 0 && table.allSatisfy { $0.secondsPerSentence > 0 && $0.meanBLEU >= 0 })
      #expect(try #require(results.outputIfRun(of: BeamAlphaStep.self)).map(\.alpha) == [0, 0.25, 0.5, 0.75, 1])
      let rows = try #require(results.outputIfRun(of: BeamCharStep.self))
      // Beam search maximises log P: never less probable than greedy's text on the same prefix.
      for row in rows where row.search != "predict" {
        let greedy = try #require(rows.first { $0.prefix == row.prefix && $0.search == "predict" })
        #expect(row.perplexity <= greedy.perplexity + 1e-6, "\(row.prefix) \(row.search)")
      }
    }
  }
}

/// The seq2seq lesson's trained model is reused from the step cache only for the same settings.
@Suite struct TranslatorFromCacheTests {
  @Test func theSeq2SeqLessonsModelIsFoundForTheSameSettingsOnly() throws {
    let cache = FileManager.default.temporaryDirectory.appendingPathComponent("beam-cache-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: cache) }
    try FileManager.default.createDirectory(at: cache.appendingPathComponent("seq2seq"), withIntermediateDirectories: true)
    var configuration = Seq2SeqConfiguration()
    configuration.epochs = 2
    configuration.seed = 9
    let source = Vocab(tokens: ["go", "."], reservedTokens: translationReservedTokens)
    let target = Vocab(tokens: ["va", "!"], reservedTokens: translationReservedTokens)
    var g = RandomGenerator(seed: 1)
    let model = Seq2Seq(sourceVocabSize: source.count, targetVocabSize: target.count, embedSize: 4, hiddenSize: 4,
                        numLayers: 2, dropout: 0.1, using: &g)
    let report = try JSONDecoder().decode(  // (its memberwise initialiser is the library's own)
      Seq2SeqEpochReport.self, from: Data(#"{"epoch":1,"loss":1,"tokensPerSecond":1,"seconds":0.5,"tokens":1}"#.utf8))
    try Seq2SeqCheckpoint(model: model, sourceVocab: source, targetVocab: target, configuration: configuration,
                          history: [report, report])
      .save(to: cache.appendingPathComponent("seq2seq/train-abc.output.safetensors"))
    var asked = configuration
    asked.seed = 0  // another seed is the same run for this purpose
    let found = try #require(TrainedTranslator.fromSeq2SeqLesson(asked, cache: cache))
    #expect(found.file == "train-abc.output.safetensors" && found.translator.seconds == 1)
    asked.epochs = 300
    #expect(TrainedTranslator.fromSeq2SeqLesson(asked, cache: cache) == nil)
    asked.epochs = 2
    asked.learningRate = 0.01
    #expect(TrainedTranslator.fromSeq2SeqLesson(asked, cache: cache) == nil)
  }
}
