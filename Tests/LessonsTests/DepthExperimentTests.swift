import ArgumentParser
import D2L
import Foundation
import Testing

@testable import CourseKit
@testable import DeepRNNLesson
@testable import LessonEngine
@testable import Lessons

/// `lessons experiment deep-rnn:depth`: the parameter counts it reports, its command line, and a tiny run.
@Suite struct DepthExperimentTests {
  /// G·h·(V + h + 2) for layer 1, G·h·(2h + 2) for every further layer, h·V + V for the output.
  @Test func parameterCountsFollowTheFormula() {
    // The acceptance run's sizes (GRU, V = 28, h = 32), worked by hand:
    // layer 1: 3·32·(28 + 32 + 2) = 5952; each further layer: 3·32·(64 + 2) = 6336; output 32·28 + 28 = 924.
    #expect((1...4).map { DepthExperiment.parameterCount(cell: .gru, vocabSize: 28, hiddenSize: 32, numLayers: $0) }
      == [6876, 13212, 19548, 25884])
    // The chapter's model: LSTM, 2 × 256 over 28 tokens.
    #expect(DepthExperiment.parameterCount(cell: .lstm, vocabSize: 28, hiddenSize: 256, numLayers: 2) == 4 * 256 * 286 + 4 * 256 * 514 + 256 * 28 + 28)
    // And the formula is what the library's models hold, for every cell and depth.
    for cell in CellKind.allCases {
      for layers in 1...4 {
        var generator = RandomGenerator(seed: 0)
        let model = RNNModel(kind: cell, vocabSize: 28, hiddenSize: 6, numLayers: layers, using: &generator)
        #expect(model.parameterCount == DepthExperiment.parameterCount(cell: cell, vocabSize: 28, hiddenSize: 6, numLayers: layers),
                "\(cell) × \(layers)")
      }
    }
  }

  @Test func theWideLayerHasTheClosestParameterCount() {
    let target = DepthExperiment.parameterCount(cell: .gru, vocabSize: 28, hiddenSize: 32, numLayers: 4)
    let h = DepthExperiment.hiddenSize(matching: target, layers: 1, cell: .gru, vocabSize: 28)
    #expect(h == 75)
    let count = { DepthExperiment.parameterCount(cell: .gru, vocabSize: 28, hiddenSize: $0, numLayers: 1) }
    #expect(abs(count(h) - target) <= abs(count(h - 1) - target))
    #expect(abs(count(h) - target) <= abs(count(h + 1) - target))
  }

  @Test(arguments: [["depth", "--layers", "2"], ["depth", "--max-layers", "0"], ["depth", "--max-layers", "9"], ["2", "--max-layers", "3"],
                    ["deep"]])
  func badArgumentsAreRejected(_ arguments: [String]) {
    #expect(throws: (any Error).self) { _ = try ExperimentCommand.parse(arguments) }
  }

  @Test func theDepthCommandTakesItsDefaultsAndFlags() throws {
    let command = try ExperimentCommand.parse(["depth", "--hidden", "32", "--epochs", "2", "--json", "--max-layers", "3"])
    var expected = DepthExperiment.defaultBudget
    expected.hiddenSize = 32
    expected.epochs = 2
    #expect(try command.budget(command.chosen()) == expected)
    #expect(command.json && command.maxLayers == 3)
  }

  @Test(.enabled(if: ExperimentData.available, "needs the books of ../shared/data"))
  func aTinyRunReportsEveryDepthWithFiniteNumbers() throws {
    let experiment = DepthExperiment(budget: ExperimentData.tinyBudget(trainTokens: 1500), locator: ExperimentData.locator(), maxLayers: 3)
    let outcome = try experiment.measure(log: .silent, shouldStop: { false })
    let summary = DepthSummary(outcome)
    #expect(summary.settings.map(\.layers) == [1, 2, 3])
    #expect(summary.settings.map(\.parameters) == (1...3).map {
      DepthExperiment.parameterCount(cell: .lstm, vocabSize: 28, hiddenSize: 8, numLayers: $0)
    })
    #expect(summary.settings.allSatisfy { $0.trainPerplexity.isFinite && $0.heldoutPerplexity.isFinite && $0.tokensPerSec > 0 })
    #expect(summary.equalParameters.map(\.layers) == [3, 1])
    #expect(summary.equalParameters[1].hidden > 8)
    #expect(outcome.report.name == "depth" && !outcome.report.notes.isEmpty)
    // The CSV has a row per depth and the wide layer, with layers and parameters.
    let csv = try #require(outcome.report.csv)
    #expect(csv.rows.map { $0[csv.columns.firstIndex(of: "layers")!] } == ["1", "2", "3", "1"])
    #expect(csv.rows[1][csv.columns.firstIndex(of: "parameters")!] == "\(summary.settings[1].parameters)")
    // The JSON has the keys the command promises.
    let object = try JSONSerialization.jsonObject(with: Data(try summary.json().utf8)) as? [String: Any]
    let first = (object?["settings"] as? [[String: Any]])?.first
    #expect(Set(first?.keys.map { $0 } ?? [])
      == ["layers", "hidden", "parameters", "train_perplexity", "heldout_perplexity", "tokens_per_sec", "seconds"])
  }

  // MARK: - The discussion

  private func setting(_ layers: Int, train: Double, heldOut: Double, speed: Double, hidden: Int = 32) -> DepthExperiment.Setting {
    let result = SettingResult(
      name: DepthExperiment.name(layers: layers), cell: .gru, learningRate: 2, books: [], trainingTokens: 1000, history: [],
      trainPerplexity: train, heldOut: ["TM": heldOut], tokensPerSecond: speed, trainSeconds: 1, wallSeconds: 1, stoppedByTimeLimit: false)
    return .init(layers: layers, hiddenSize: hidden, parameters: 1000 * layers, result: result, heldOut: heldOut)
  }

  @Test func theDiscussionSaysWhenDepthDidNotHelpAndWhenItDid() {
    var budget = DepthExperiment.defaultBudget
    budget.epochs = 3
    let oneWins = [setting(1, train: 5, heldOut: 5.2, speed: 1000), setting(2, train: 6, heldOut: 6.1, speed: 500)]
    let notes = DepthDiscussion.notes(depths: oneWins, equal: nil, budget: budget).joined(separator: "\n")
    #expect(notes.contains("depth did not help at this budget"))
    #expect(notes.contains("Two layers ran at 0.50× the speed of one"))
    #expect(notes.contains("still catching up, not overfitting"))
    let twoWins = [setting(1, train: 5, heldOut: 5.6, speed: 1000), setting(2, train: 4.5, heldOut: 5.0, speed: 400)]
    let equal = (deep: twoWins[1], wide: setting(1, train: 4.6, heldOut: 5.4, speed: 600, hidden: 60))
    let other = DepthDiscussion.notes(depths: twoWins, equal: equal, budget: budget).joined(separator: "\n")
    #expect(other.contains("the lowest is 2 layers (5.000), -10.7% against one layer"))
    #expect(!other.contains("did not help"))
    #expect(other.contains("Narrow and deep did better with the same parameters"))
  }
}
