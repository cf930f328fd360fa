import Foundation
import Testing
@testable import D2L
@testable import DeepRNNChecks
@testable import ExerciseChecks

/// Exercise 1's checker, rustlings `dev check` style: it passes the project's own answer and
/// names each classic wrong answer; the learner's own file is checked too once attempted. (That
/// the shipped starter fails and the solution passes is `lessons author check`'s, in
/// AuthorCheckTests: the starter is written once, in the lesson's Exercises/1/Starter.)
@Suite struct Exercise1Tests {
  /// The failing rows' names and details, for messages.
  static func failures(_ rows: [CheckResult]) -> String {
    rows.filter { !$0.passed }.map(\.description).joined(separator: "\n")
  }

  /// Expects `rows` to fail, with some failing row's detail containing `message`.
  static func expectFailure(
    _ rows: [CheckResult], saying message: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(!rows.allPassed, "a wrong answer passed", sourceLocation: sourceLocation)
    #expect(rows.contains { !$0.passed && $0.detail.contains(message) },
            "no NOT OK row says '\(message)':\n\(Exercise1Check.report(rows))", sourceLocation: sourceLocation)
  }

  @Test func referenceAnswerPasses() {
    let rows = Exercise1Check.run(ReferenceAnswer.self)
    #expect(rows.allPassed, "\(Self.failures(rows))")
    #expect(rows.count == 11)  // 9 rows for L=2, one for I = H, one for L = 3
    #expect(rows.allSatisfy { ($0.maxDifference ?? 0) <= 1e-5 })
  }

  @Test func layerReadingTheInputsIsNamed() {
    let rows = Exercise1Check.run(ReadsInputsAnswer.self)
    Self.expectFailure(rows, saying: "layer 2 reads the inputs X instead of layer 1's outputs")
    // It is caught where it runs (I = H) and not run where it would trap (I ≠ H).
    Self.expectFailure(rows, saying: "would stop with a crash when I ≠ H")
  }

  @Test func sharedWeightsAreNamed() {
    Self.expectFailure(Exercise1Check.run(SharedLayerAnswer.self), saying: "are the same RNNScratch object, so they share W_xh, W_hh and b_h")
    Self.expectFailure(Exercise1Check.run(CopiedGeneratorAnswer.self), saying: "start with identical W_hh")
  }

  @Test func ignoredStateIsNamed() {
    Self.expectFailure(Exercise1Check.run(ZeroStateAnswer.self), saying: "layer 1 ignores its previous state: its H_t^(1) match a run from a zero initial state")
    Self.expectFailure(Exercise1Check.run(NoRecurrenceAnswer.self), saying: "layer 1 ignores its previous state: every H_t^(1) matches a step computed from a zero H_{t-1}")
  }

  @Test func answerMustBeGeneralInL() {
    let rows = Exercise1Check.run(TwoLayersOnlyAnswer.self)
    #expect(rows.filter { !$0.passed }.map(\.name) == ["L=3 (I=5, H=4): the stack is general in L"], "\(Self.failures(rows))")
    Self.expectFailure(rows, saying: "expected 3 layers (numLayers), got 2")
  }

  @Test func aWrongShapeIsARowNotACrash() {
    let rows = Exercise1Check.run(WrongOutputShapeAnswer.self)
    Self.expectFailure(rows, saying: "expected (5, 3, 4), got (3, 5, 4)")
    Self.expectFailure(rows, saying: "not run: the outputs or the final states have the wrong shape")
  }

  // MARK: - The shipped files

  @Test(.enabled(if: ExerciseFiles.attempted, "exercise 1 not attempted yet: exercises/Sources/DeepRNNExercise1/StackedRNN.swift is missing or the starting file"),
        .timeLimit(.minutes(10)))
  func learnerAnswerPasses() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["swift", "run", "--package-path", ExerciseFiles.package.path, "check-DeepRNNExercise1"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "your exercise 1 does not pass yet (lessons check deep-rnn:1):\n\(output)")
  }
}

/// Where the checkout's workspace exercises package (`.lessons/exercises`) and the exercise's
/// files are, from this file's place in the project.
enum ExerciseFiles {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let package = root.appendingPathComponent(".lessons/exercises")
  static let starter = root.appendingPathComponent("Sources/DeepRNNLesson/Exercises/1/Starter/StackedRNN.swift")
  static let learner = package.appendingPathComponent("Sources/DeepRNNExercise1/StackedRNN.swift")

  /// Has the learner changed their file from the starting one? (It exists once a `lessons`
  /// exercise command has written it from the starter.)
  static var attempted: Bool {
    guard let mine = try? Data(contentsOf: learner) else { return false }
    return mine != (try? Data(contentsOf: starter))
  }
}

// MARK: - Answers

/// The project's own answer, the library's `StackedRNNScratch`, under the exercise's protocol.
final class ReferenceAnswer: StackedRNNExercise {
  let stack: StackedRNNScratch
  init(numInputs: Int, numHiddens: Int, numLayers: Int, using generator: inout RandomGenerator) {
    stack = StackedRNNScratch(numInputs: numInputs, numHiddens: numHiddens, numLayers: numLayers, using: &generator)
  }
  var rnns: [RNNScratch] { stack.rnns }
  func callAsFunction(_ inputs: Tensor, states: [Tensor]?) -> (outputs: Tensor, states: [Tensor], layerOutputs: [Tensor]) {
    stack(inputs, states: states)
  }
}

/// A correct answer's layers whose forward pass a wrong answer replaces: layer 1 reads numInputs,
/// the layers above numHiddens.
class LayersOfAnswer {
  let rnns: [RNNScratch]
  required init(numInputs: Int, numHiddens: Int, numLayers: Int, using generator: inout RandomGenerator) {
    rnns = (0..<numLayers).map { i in
      RNNScratch(numInputs: i == 0 ? numInputs : numHiddens, numHiddens: numHiddens, using: &generator)
    }
  }
  init(rnns: [RNNScratch]) { self.rnns = rnns }

  /// The stack with `step` computing each layer's (steps, final state) from (layer, input, state).
  func stack(
    _ inputs: Tensor, _ states: [Tensor]?, _ step: (Int, Tensor, Tensor?) -> (outputs: [Tensor], state: Tensor)
  ) -> (outputs: Tensor, states: [Tensor], layerOutputs: [Tensor]) {
    var outputs = inputs, finalStates: [Tensor] = [], layerOutputs: [Tensor] = []
    for i in rnns.indices {
      let (steps, state) = step(i, outputs, states?[i])
      outputs = Tensor.stack(steps)
      finalStates.append(state)
      layerOutputs.append(outputs)
    }
    return (outputs, finalStates, layerOutputs)
  }
}

/// Wrong: every layer reads the inputs X.
final class ReadsInputsAnswer: LayersOfAnswer, StackedRNNExercise {
  func callAsFunction(_ inputs: Tensor, states: [Tensor]?) -> (outputs: Tensor, states: [Tensor], layerOutputs: [Tensor]) {
    stack(inputs, states) { i, _, state in rnns[i](inputs, state: state) }
  }
}

/// Wrong: every layer starts from zeros, not from its initial state.
final class ZeroStateAnswer: LayersOfAnswer, StackedRNNExercise {
  func callAsFunction(_ inputs: Tensor, states: [Tensor]?) -> (outputs: Tensor, states: [Tensor], layerOutputs: [Tensor]) {
    stack(inputs, states) { i, x, _ in rnns[i](x) }
  }
}

/// Wrong: each step starts from a zero H_{t-1}.
final class NoRecurrenceAnswer: LayersOfAnswer, StackedRNNExercise {
  func callAsFunction(_ inputs: Tensor, states: [Tensor]?) -> (outputs: Tensor, states: [Tensor], layerOutputs: [Tensor]) {
    stack(inputs, states) { i, x, _ in
      let steps = (0..<x.shape[0]).map { t in rnns[i](x[t..<(t + 1)]).state }
      return (steps, steps.last!)
    }
  }
}

/// Wrong: returns time and batch swapped, (B, T, H).
final class WrongOutputShapeAnswer: LayersOfAnswer, StackedRNNExercise {
  func callAsFunction(_ inputs: Tensor, states: [Tensor]?) -> (outputs: Tensor, states: [Tensor], layerOutputs: [Tensor]) {
    let right = stack(inputs, states) { i, x, state in rnns[i](x, state: state) }
    return (right.outputs.swappingLeadingAxes(), right.states, right.layerOutputs)
  }
}

/// A right forward pass over whatever layers the init built.
class RightForward: LayersOfAnswer {
  func callAsFunction(_ inputs: Tensor, states: [Tensor]?) -> (outputs: Tensor, states: [Tensor], layerOutputs: [Tensor]) {
    stack(inputs, states) { i, x, state in rnns[i](x, state: state) }
  }
}

/// Wrong: one RNNScratch object repeated for every layer.
final class SharedLayerAnswer: RightForward, StackedRNNExercise {
  required init(numInputs: Int, numHiddens: Int, numLayers: Int, using generator: inout RandomGenerator) {
    let layer = RNNScratch(numInputs: numInputs, numHiddens: numHiddens, using: &generator)
    super.init(rnns: Array(repeating: layer, count: numLayers))
  }
}

/// Wrong: each layer drawn from a copy of the generator, so all start alike.
final class CopiedGeneratorAnswer: RightForward, StackedRNNExercise {
  required init(numInputs: Int, numHiddens: Int, numLayers: Int, using generator: inout RandomGenerator) {
    super.init(rnns: (0..<numLayers).map { i in
      var copy = generator
      return RNNScratch(numInputs: i == 0 ? numInputs : numHiddens, numHiddens: numHiddens, using: &copy)
    })
  }
}

/// Wrong: two layers, whatever numLayers says.
final class TwoLayersOnlyAnswer: RightForward, StackedRNNExercise {
  required init(numInputs: Int, numHiddens: Int, numLayers: Int, using generator: inout RandomGenerator) {
    super.init(rnns: [RNNScratch(numInputs: numInputs, numHiddens: numHiddens, using: &generator),
                      RNNScratch(numInputs: numHiddens, numHiddens: numHiddens, using: &generator)])
  }
}
