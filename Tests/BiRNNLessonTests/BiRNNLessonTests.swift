import D2L
import Foundation
import Testing
@testable import BiRNNLesson
@testable import DeepRNNLesson
@testable import LessonEngine

/// The lesson files and its steps: both languages parse against the catalogue with the same
/// steps and the same shown code (the compiled code), and every step runs at tiny sizes.
@Suite(.serialized) struct BiRNNLessonTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let files = ["en": "lessons/bi-rnn.md", "vi": "lessons/vi/bi-rnn.md"]

  static var hasTimeMachine: Bool { (try? DataLocator().locate(.timeMachine)) != nil }

  /// The lesson file in `language`, its code filled in from the sources, checked against the
  /// catalogue.
  static func plan(_ language: String, overrides: [String] = []) throws -> LessonPlan {
    try BiRNNLesson.lesson.plan(path: root.appendingPathComponent(files[language]!).path, overrides: overrides, sourcesRoot: root)
  }

  @Test func bothLanguagesHaveTheSameStepsAndDefaults() throws {
    let (en, vi) = (try Self.plan("en"), try Self.plan("vi"))
    #expect(en.entries.map(\.step.id) == vi.entries.map(\.step.id))
    #expect(en.entries.map(\.step.id) == [
      "bi-tiny", "bi-concise-agrees", "bi-train", "bi-predict", "bi-future", "bi-speed", "bi-exercises", "bi-sizes", "bi-polysemy",
    ])
    for (a, b) in zip(en.entries, vi.entries) {
      #expect(a.step.parameters.map(\.name) == b.step.parameters.map(\.name), "\(a.step.id)")
      #expect(a.step.parameters.map(\.value) == b.step.parameters.map(\.value), "\(a.step.id)")
      #expect(a.step.code == b.step.code, "\(a.step.id): the two languages show different code")
    }
  }

  /// Every step that shows code shows its compiled region, found in the lesson's steps folder.
  @Test func shownCodeIsFilledFromTheSources() throws {
    for entry in try Self.plan("en").entries where entry.step.showsCode {
      #expect(!entry.step.code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(entry.step.id)")
    }
    let train = try #require(try Self.plan("en").entries.first { $0.step.id == "bi-train" })
    #expect(train.step.code.contains("configuration.bidirectional = bidirectional"))
  }

  @Test func theLessonFollowsDeepRNN() {
    #expect(BiRNNLesson.lesson.follows == ["deep-rnn"])
    #expect(BiRNNLesson.lesson.exercises().map(\.number) == [1, 2, 3])
  }

  @Test func everyStringExistsInBothLanguages() {
    #expect(Set(BiRNNStrings.en.keys) == Set(BiRNNStrings.vi.keys))
  }

  @Test(.enabled(if: hasTimeMachine, "needs timemachine.txt in D2L_DATA_DIR"), arguments: ["en", "vi"])
  func everyStepRunsAtTinySizes(language: String) throws {
    try Language.speaking(language == "vi" ? .vi : .en) {
      let plan = try Self.plan(language, overrides: BiRNNLesson.lesson.quickValues)
      let results = StepResults()
      var printed: [String: String] = [:]
      for entry in plan.entries {
        let out = StepOutput(color: false, width: 100)
        try entry.definition.run(out, entry.values, results)
        printed[entry.step.id] = out.takeEvents().map { "\($0)" }.joined(separator: "\n")
      }
      let agrees = try #require(results.outputIfRun(of: BiConciseAgreesStep.self))
      #expect(agrees < 1e-5)
      let future = try #require(results.outputIfRun(of: BiFutureStep.self))
      // The one-directional model never reads ahead: both ways of scoring it agree.
      #expect(abs(future.oneDirectional.withFuture.perplexity - future.oneDirectional.withoutFuture.perplexity) < 1e-3)
      #expect(try #require(results.outputIfRun(of: BiSizesStep.self)) == [6, 2, 8])
      let polysemy = try #require(results.outputIfRun(of: BiPolysemyStep.self))
      #expect(abs(polysemy.oneDirectional - 1) < 1e-6, "the contexts agree up to the word (up to rounding: the two lengths block the products differently)")
      #expect(polysemy.bidirectional < 1 - 1e-5, "the backward direction reads the different endings: \(polysemy.bidirectional)")
      let speed = try #require(results.outputIfRun(of: BiSpeedStep.self))
      #expect(speed.oneDirectional > 0 && speed.bidirectional > 0)
      #expect(try #require(results.outputIfRun(of: BiPredictStep.self)).count == 2)
      // Printed in the lesson's language.
      #expect(printed["bi-future"]!.contains(language == "vi" ? "hai chiều" : "bidirectional"))
      #expect(printed["bi-speed"]!.contains(language == "vi" ? "token/s" : "tokens/s"))
    }
  }
}

/// The scratch layer: the concatenation, the reversal, and a width per direction.
@Suite struct BiRNNScratchTests {
  @Test func backwardStatesAreInTimeOrderAndForwardComesFirst() {
    var generator = RandomGenerator(seed: 3)
    let X = Tensor.normal([4, 2, 3], using: &generator)
    let layer = BiRNNScratch(numInputs: 3, forwardHiddens: 2, backwardHiddens: 5, sigma: 0.5, using: &generator)
    let result = layer(X)
    #expect(result.outputs.shape == [4, 2, 7])
    // ←H_T reads only X_T: a backward layer run on X_T alone from zero gives it.
    let last = layer.backward(X[3..<4]).outputs[0]
    #expect(result.backwardOutputs[3].scalars == last.scalars)
    #expect(result.backwardState.scalars == result.backwardOutputs[0].scalars)
    // Forward first, along the last axis.
    let first = result.outputs[0].scalars
    #expect(Array(first[0..<2]) == Array(result.forwardOutputs[0].scalars[0..<2]))
    #expect(Array(first[2..<7]) == Array(result.backwardOutputs[0].scalars[0..<5]))
  }
}
