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

  /// Tiny sizes for every step that trains or measures.
  static let tiny = [
    "epochs=2", "numHiddens=8", "numLayers=1", "batchSize=4", "numSteps=6", "chars=10", "sequences=3",
    "rounds=1", "seconds=0.05", "steps=5", "batch=2", "inputs=5",
  ]

  static var hasTimeMachine: Bool { (try? DataLocator().locate(.timeMachine)) != nil }

  static func plan(_ language: String, overrides: [String] = []) throws -> LessonPlan {
    try LessonPlan(document: LessonParser.load(path: root.appendingPathComponent(files[language]!).path),
                   catalog: BiRNNLesson.catalog, overrides: overrides)
  }

  @Test func bothLanguagesHaveTheSameStepsAndDefaults() throws {
    let (en, vi) = (try Self.plan("en"), try Self.plan("vi"))
    #expect(en.entries.map(\.step.id) == vi.entries.map(\.step.id))
    #expect(en.entries.map(\.step.id) == [
      "bi-tiny", "bi-concise-agrees", "train", "bi-train", "bi-predict", "bi-future", "bi-speed", "bi-exercises", "bi-sizes", "bi-polysemy",
    ])
    for (a, b) in zip(en.entries, vi.entries) {
      #expect(a.step.parameters.map(\.name) == b.step.parameters.map(\.name), "\(a.step.id)")
      #expect(a.step.parameters.map(\.value) == b.step.parameters.map(\.value), "\(a.step.id)")
      #expect(a.step.code == b.step.code, "\(a.step.id): the two languages show different code")
    }
  }

  /// The code each step shows is the compiled code between its ANCHOR lines.
  @Test func shownCodeIsTheCompiledCode() throws {
    var anchors: [String: String] = [:]
    for folder in ["Sources/BiRNNLesson", "Sources/DeepRNNLesson"] {
      let enumerator = FileManager.default.enumerator(atPath: Self.root.appendingPathComponent(folder).path)!
      for case let file as String in enumerator where file.hasSuffix(".swift") {
        let text = try String(contentsOf: Self.root.appendingPathComponent(folder).appendingPathComponent(file), encoding: .utf8)
        var id: String?, indent = 0, lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
          let trimmed = line.trimmingCharacters(in: .whitespaces)
          if trimmed.hasPrefix("// ANCHOR: ") {
            id = String(trimmed.dropFirst("// ANCHOR: ".count))
            indent = line.prefix { $0 == " " }.count
            lines = []
          } else if trimmed.hasPrefix("// ANCHOR_END: "), let current = id {
            anchors[current] = lines.joined(separator: "\n")
            id = nil
          } else if id != nil {
            lines.append(String(line.dropFirst(min(indent, line.prefix { $0 == " " }.count))))
          }
        }
      }
    }
    for entry in try Self.plan("en").entries where entry.step.showsCode {
      let code = entry.step.code.trimmingCharacters(in: .newlines)
      #expect(code == anchors[entry.step.id], "\(entry.step.id): the lesson's code differs from its ANCHOR region")
    }
  }

  @Test func everyStringExistsInBothLanguages() {
    #expect(Set(BiRNNStrings.en.keys) == Set(BiRNNStrings.vi.keys))
  }

  @Test(.enabled(if: hasTimeMachine, "needs timemachine.txt in D2L_DATA_DIR"), arguments: ["en", "vi"])
  func everyStepRunsAtTinySizes(language: String) throws {
    Language.current = language == "vi" ? .vi : .en
    defer { Language.current = .en }
    let plan = try Self.plan(language, overrides: Self.tiny)
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
    #expect(try #require(results.outputIfRun(of: BiSizesStep.self)) == [5, 2, 8])
    let polysemy = try #require(results.outputIfRun(of: BiPolysemyStep.self))
    #expect(abs(polysemy.oneDirectional - 1) < 1e-6, "the contexts agree up to the word (up to rounding: the two lengths block the GEMMs differently)")
    #expect(polysemy.bidirectional < 1 - 1e-5, "the backward direction reads the different endings: \(polysemy.bidirectional)")
    let speed = try #require(results.outputIfRun(of: BiSpeedStep.self))
    #expect(speed.oneDirectional > 0 && speed.bidirectional > 0)
    #expect(try #require(results.outputIfRun(of: BiPredictStep.self)).count == 2)
    // Printed in the lesson's language.
    #expect(printed["bi-future"]!.contains(language == "vi" ? "hai chiều" : "bidirectional"))
    #expect(printed["bi-speed"]!.contains(language == "vi" ? "token/s" : "tokens/s"))
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
