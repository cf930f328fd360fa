import Foundation
import Testing
@testable import D2L
@testable import BiRNNChecks
import BiRNNExercise2Solution
import BiRNNExercise2Starter
@testable import ExerciseChecks

/// Exercise 2's checker: it passes the shipped solution, fails the shipped starter (both
/// compiled from Sources/BiRNNLesson/Exercises/2/ as they ship), and refuses each classic wrong
/// answer with a row that names it.
@Suite(.serialized) struct Exercise2Tests {
  static func failures(_ rows: [CheckResult]) -> String {
    rows.filter { !$0.passed }.map(\.description).joined(separator: "\n")
  }

  /// Expects `rows` to fail, with some failing row's detail containing `message`.
  static func expectFailure(_ rows: [CheckResult], saying message: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!rows.allPassed, "a wrong answer passed", sourceLocation: sourceLocation)
    #expect(rows.contains { !$0.passed && $0.detail.contains(message) },
            "no NOT OK row says '\(message)':\n\(BiRNNExercise2Check.report(rows))", sourceLocation: sourceLocation)
  }

  @Test func solutionPasses() {
    let rows = BiRNNExercise2Check.run(BiRNNExercise2Solution.DeepBiRNN.self)
    #expect(rows.allPassed, "\(Self.failures(rows))")
    // L=2: layers, own weights, output shape, H^(1), H^(2), outputs, final states, 2 gradient rows; then L=1, L=3.
    #expect(rows.count == 11)
    #expect(rows.allSatisfy { ($0.maxDifference ?? 0) <= 1e-4 }, "\(rows.map { $0.maxDifference ?? 0 })")
  }

  @Test func starterFails() {
    let rows = BiRNNExercise2Check.run(BiRNNExercise2Starter.DeepBiRNN.self)
    Self.expectFailure(rows, saying: "expected 2 layers, got 0")
  }

  @Test func forgettingToReverseBackIsRefused() {
    Self.expectFailure(BiRNNExercise2Check.run(NotReversedBack.self), saying: "the backward half is in reversed time order")
  }

  @Test func sharedWeightsAreRefused() {
    Self.expectFailure(BiRNNExercise2Check.run(SharedDirections.self), saying: "are the same RNNScratch: each direction needs its own layer")
  }

  @Test func wrongOrderIsRefused() {
    Self.expectFailure(BiRNNExercise2Check.run(BackwardFirst.self), saying: "the halves swapped: concatenate forward first")
  }

  @Test func nextLayerReadingHIsRefused() {
    Self.expectFailure(BiRNNExercise2Check.run(ReadsForwardHalfOnly.self), saying: "layer 2 reads 4 numbers per step, but the layer below gives 8")
  }

  @Test func wrongInitialStatesAreRefused() {
    Self.expectFailure(BiRNNExercise2Check.run(IgnoresStates.self), saying: "these are the values from zero initial states")
    Self.expectFailure(BiRNNExercise2Check.run(SwappedStates.self), saying: "the two initial states swapped")
  }

  @Test func backwardFinalStateAtTheWrongEndIsRefused() {
    Self.expectFailure(BiRNNExercise2Check.run(BackwardFinalAtT.self), saying: "this is ←H_T, the backward layer's first state")
  }

  @Test func rowsAreInVietnameseWhenAsked() {
    setenv("LESSONS_LANG", "vi", 1)
    defer { unsetenv("LESSONS_LANG") }
    let rows = BiRNNExercise2Check.run(BackwardFirst.self)
    #expect(rows.contains { !$0.passed && $0.detail.contains("hai nửa bị đổi chỗ") }, "\(Self.failures(rows))")
  }
}

// MARK: - Wrong answers

/// The solution with one mistake switched on by a subclass.
class MistakenAnswer: DeepBiRNNExercise {
  enum Mistake { case notReversedBack, sharedDirections, backwardFirst, readsForwardHalf, ignoresStates, swappedStates, backwardFinalAtT }
  class var mistake: Mistake { fatalError("a subclass names its mistake") }

  let layers: [(forward: RNNScratch, backward: RNNScratch)]

  required init(numInputs: Int, numHiddens: Int, numLayers: Int, using generator: inout RandomGenerator) {
    let mistake = Self.mistake
    layers = (0..<numLayers).map { l in
      let width = l == 0 ? numInputs : (mistake == .readsForwardHalf ? numHiddens : 2 * numHiddens)
      let forward = RNNScratch(numInputs: width, numHiddens: numHiddens, using: &generator)
      if mistake == .sharedDirections { return (forward, forward) }
      return (forward, RNNScratch(numInputs: width, numHiddens: numHiddens, using: &generator))
    }
  }

  func callAsFunction(_ inputs: Tensor, states: [Tensor]?) -> (outputs: Tensor, states: [Tensor], layerOutputs: [Tensor]) {
    let mistake = Self.mistake
    var x = inputs
    var finals: [Tensor] = [], layerOutputs: [Tensor] = []
    for (l, layer) in layers.enumerated() {
      var (f0, b0) = (states?[2 * l], states?[2 * l + 1])
      if mistake == .ignoresStates { (f0, b0) = (nil, nil) }
      if mistake == .swappedStates { (f0, b0) = (b0, f0) }
      if mistake == .readsForwardHalf, l > 0 { x = x.half(false) }
      let (forwardSteps, forwardFinal) = layer.forward(x, state: f0)
      let (reversedSteps, backwardFinal) = layer.backward(x.reversedInTime(), state: b0)
      let backwardSteps = mistake == .notReversedBack ? reversedSteps : Array(reversedSteps.reversed())
      let halves = [Tensor.stack(forwardSteps), Tensor.stack(backwardSteps)]
      x = Tensor.concatenate(mistake == .backwardFirst ? halves.reversed() : halves, alongAxis: 2)
      finals += [forwardFinal, mistake == .backwardFinalAtT ? reversedSteps[0] : backwardFinal]
      layerOutputs.append(x)
    }
    return (x, finals, layerOutputs)
  }
}

final class NotReversedBack: MistakenAnswer { override class var mistake: Mistake { .notReversedBack } }
final class SharedDirections: MistakenAnswer { override class var mistake: Mistake { .sharedDirections } }
final class BackwardFirst: MistakenAnswer { override class var mistake: Mistake { .backwardFirst } }
final class ReadsForwardHalfOnly: MistakenAnswer { override class var mistake: Mistake { .readsForwardHalf } }
final class IgnoresStates: MistakenAnswer { override class var mistake: Mistake { .ignoresStates } }
final class SwappedStates: MistakenAnswer { override class var mistake: Mistake { .swappedStates } }
final class BackwardFinalAtT: MistakenAnswer { override class var mistake: Mistake { .backwardFinalAtT } }

extension Tensor {
  /// (T, …) in reverse time order.
  fileprivate func reversedInTime() -> Tensor { Tensor.stack((0..<shape[0]).reversed().map { self[$0] }) }
}
