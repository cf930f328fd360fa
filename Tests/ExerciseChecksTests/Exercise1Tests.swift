import Foundation
import Testing
@testable import D2L
@testable import ExerciseChecks

/// Exercise 1's checker, rustlings `dev check` style: it passes the project's own answer, fails
/// the shipped starting file, and names each classic wrong answer; the learner's own file is
/// checked too once attempted.
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

  @Test func shippedStarterFails() {
    let rows = Exercise1Check.run(StackedRNN.self)
    #expect(!rows.allPassed)
    Self.expectFailure(rows, saying: "rnns is empty: build the layers in init")
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

  @Test func starterCopyBelowIsTheShippedStarter() throws {
    let shipped = try String(contentsOf: ExerciseFiles.starter, encoding: .utf8)
    let own = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
    let begin = "// BEGIN STARTER COPY\n", end = "// END STARTER COPY\n"
    let copy = try #require(own.components(separatedBy: begin).dropFirst().first?.components(separatedBy: end).first)
    // The shipped file opens with `import D2L` and `import ExerciseChecks`, which this file has already.
    #expect(shipped.replacingOccurrences(of: "import D2L\nimport ExerciseChecks\n\n", with: "") == copy,
            "exercises/Starters/Exercise1/StackedRNN.swift changed: copy it between the markers in this file")
  }

  @Test(.enabled(if: ExerciseFiles.attempted, "exercise 1 not attempted yet: exercises/Sources/Exercise1/StackedRNN.swift is the starting file"),
        .timeLimit(.minutes(10)))
  func learnerAnswerPasses() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["swift", "run", "--package-path", ExerciseFiles.package.path, "check-exercise1"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "your exercise 1 does not pass yet (lessons check 1):\n\(output)")
  }
}

/// Where the exercises package and its files are, from this file's place in the project.
enum ExerciseFiles {
  static let package = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("exercises")
  static let starter = package.appendingPathComponent("Starters/Exercise1/StackedRNN.swift")
  static let learner = package.appendingPathComponent("Sources/Exercise1/StackedRNN.swift")

  /// Has the learner changed their file from the starting one?
  static var attempted: Bool {
    (try? Data(contentsOf: learner)) != (try? Data(contentsOf: starter))
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

// MARK: - The shipped starting file, verbatim (a test keeps it equal to the shipped one)

// BEGIN STARTER COPY
// Exercise 1 of "Deep Recurrent Neural Networks": implement a two-layer RNN from scratch by
// stacking the single-layer `RNNScratch` (and let it take any number of layers). The chapter's
// equation, with H_t^(0) = X_t:
//
//     H_t^(l) = tanh(H_t^(l-1) W_xh^(l) + H_{t-1}^(l) W_hh^(l) + b_h^(l))
//
// Fill in the `TODO`s, then run `lessons check 1`. Stuck? `lessons hint 1`. Start over:
// `lessons reset 1`. Shapes: T = steps, B = batch, I = numInputs, H = numHiddens.

/// Your deep RNN: `numLayers` scratch RNN layers, each reading the one below.
public final class StackedRNN: StackedRNNExercise {
  /// The layers, layer 1 first.
  public let rnns: [RNNScratch]

  public init(numInputs: Int, numHiddens: Int, numLayers: Int, using generator: inout RandomGenerator) {
    // TODO: build `numLayers` layers, each with
    //     RNNScratch(numInputs: ..., numHiddens: numHiddens, using: &generator)
    // Layer 1 reads the inputs (numInputs wide); each layer above it reads the hidden states of
    // the layer below (numHiddens wide).
    rnns = []
  }

  /// Runs the layers in turn over `inputs` (T, B, I) from `states` (one (B, H) per layer; nil
  /// means zeros). Returns the last layer's outputs (T, B, H), each layer's final state (B, H),
  /// and each layer's outputs (T, B, H), layer 1 first.
  public func callAsFunction(_ inputs: Tensor, states: [Tensor]? = nil)
    -> (outputs: Tensor, states: [Tensor], layerOutputs: [Tensor])
  {
    // TODO: start from H^(0) = X (`inputs`). For each layer i, run rnns[i] over the outputs of
    // the layer below, from its own initial state states?[i]. It returns its T steps (each
    // (B, H)) and its final state; Tensor.stack(steps) is its outputs (T, B, H), which the next
    // layer reads. Collect every layer's final state and outputs.
    return (inputs, [], [])  // TODO: return the last layer's outputs, the final states, every layer's outputs
  }
}
// END STARTER COPY
