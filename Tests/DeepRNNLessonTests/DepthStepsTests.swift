import D2L
import Foundation
import Testing

@testable import CourseKit
@testable import LessonEngine
@testable import DeepRNNLesson

/// The numbers behind the steps hidden-heatmap and gradient-norms, checked against direct
/// computations on tiny seeded models.
@Suite struct DepthStepsTests {
  static let (V, h, L, T, B) = (7, 5, 3, 6, 2)

  static func model(_ kind: CellKind, seed: UInt64 = 11) -> RNNModel {
    var generator = RandomGenerator(seed: seed)
    return RNNModel(kind: kind, vocabSize: V, hiddenSize: h, numLayers: L, using: &generator)
  }

  /// T·B time-major tokens and targets, seeded.
  static func batch(seed: UInt64 = 5) -> SequenceBatch {
    var generator = RandomGenerator(seed: seed)
    let draw = { Int32(Tensor.uniform([1], low: 0, high: Float(V) - 0.001, using: &generator).scalar) }
    return SequenceBatch(inputs: (0..<(B * T)).map { _ in draw() }, targets: (0..<(B * T)).map { _ in draw() }, batchSize: B, numSteps: T)
  }

  static func maxDifference(_ a: [Float], _ b: [Float]) -> Float {
    #expect(a.count == b.count)
    return zip(a, b).map { abs($0 - $1) }.max() ?? 0
  }

  // MARK: - The layer-by-layer pass

  @Test(arguments: CellKind.allCases)
  func everyHiddenStateAndLogitMatchesTheFusedLayer(kind: CellKind) {
    let model = Self.model(kind), batch = Self.batch()
    var fused: [Tensor] = []
    let (logits, _) = withoutGradients { model(batch, observe: { _, H in fused.append(H) }) }
    let pass = LayerwiseRecurrence(model: model)(timeMajorTokens: batch.timeMajorInputs, steps: Self.T, batch: Self.B)
    #expect(pass.H.count == Self.L && fused.count == Self.L)
    for l in 0..<Self.L {
      #expect(Self.maxDifference(Tensor.stack(pass.H[l]).scalars, fused[l].scalars) < 1e-5, "\(kind) layer \(l + 1)")
    }
    #expect(Self.maxDifference(pass.logits.scalars, logits.scalars) < 1e-5)
  }

  // MARK: - The heatmap's numbers

  @Test func meanAbsoluteChangeIsTheMeanOfTheStepToStepDifferences() {
    let model = Self.model(.lstm), batch = Self.batch()
    var fused: [Tensor] = []
    _ = withoutGradients { model(batch, observe: { _, H in fused.append(H) }) }
    let pass = LayerwiseRecurrence(model: model)(timeMajorTokens: batch.timeMajorInputs, steps: Self.T, batch: Self.B)
    for l in 0..<Self.L {
      // Sequence 0 as the step uses it: [t][unit].
      let states = pass.H[l].map { Array($0.scalars[0..<Self.h]) }
      // Directly from the fused layer's outputs (T, B, h): Σ_t≥2 Σ_u |H[t,0,u] − H[t−1,0,u]| / ((T − 1)·h).
      let f = fused[l].scalars
      var sum = 0.0
      for t in 1..<Self.T { for u in 0..<Self.h { sum += Double(abs(f[(t * Self.B) * Self.h + u] - f[((t - 1) * Self.B) * Self.h + u])) } }
      let direct = sum / Double((Self.T - 1) * Self.h)
      #expect(abs(HiddenStateHeatmap.meanAbsoluteChange(states) - direct) < 1e-6, "layer \(l + 1)")
    }
  }

  @Test func shadesUnitsAndScaleAreWhatTheLegendSays() {
    #expect(HiddenStateHeatmap.shade(-1) == " " && HiddenStateHeatmap.shade(0) == "▒" && HiddenStateHeatmap.shade(1) == "█")
    #expect(HiddenStateHeatmap.shade(-0.5) == "░" && HiddenStateHeatmap.shade(0.5) == "▓" && HiddenStateHeatmap.shade(7) == "█")
    // Unit 1 never moves, unit 2 moves most, unit 0 a little: the two liveliest are 0 and 2, in index order.
    let states: [[Float]] = [[0, 0.3, -0.9], [0.2, 0.3, 0.9], [0.1, 0.3, -0.8]]
    #expect(HiddenStateHeatmap.liveliestUnits(states, count: 2) == [0, 2])
    #expect(HiddenStateHeatmap.scale(states, units: [0, 2]) == 0.9)
    let lines = HiddenStateHeatmap.lines(states: states, units: [2], text: ["a", "b", "c"], scale: 0.9, color: false)
    #expect(lines.count == 2 && lines[1].hasSuffix(" █ "))
  }

  // MARK: - The gradient norms

  @Test func gradientNormsMatchADirectComputation() {
    let model = Self.model(.lstm), batch = Self.batch()
    let clip: Float = 0.05  // small, so that clipping acts
    let norms = GradientNorms.measure(model, on: batch, clip: clip)
    #expect(norms.state.count == Self.L && norms.state.allSatisfy { $0.count == Self.T })

    // ∂loss/∂H_T^(L) for the last step's states of the top layer, by hand: the loss is the mean
    // cross-entropy over T·B rows, so row r contributes (softmax(o_r) − onehot(y_r)) / (T·B) · W_out.
    let (logits, _) = withoutGradients { model(batch) }
    let o = logits.scalars, W = model.linear.weight.scalars, y = batch.timeMajorTargets
    var squares = 0.0
    for b in 0..<Self.B {
      let r = (Self.T - 1) * Self.B + b
      let row = (0..<Self.V).map { Double(o[r * Self.V + $0]) }
      let top = row.max()!, z = row.map { exp($0 - top) }.reduce(0, +)
      let dO = (0..<Self.V).map { v in (exp(row[v] - top) / z - (v == Int(y[r]) ? 1 : 0)) / Double(Self.T * Self.B) }
      for u in 0..<Self.h {
        let g = (0..<Self.V).reduce(0.0) { $0 + dO[$1] * Double(W[$1 * Self.h + u]) }
        squares += g * g
      }
    }
    #expect(abs(norms.state[Self.L - 1][Self.T - 1] - squares.squareRoot()) < 1e-6)

    // The weight gradients, directly from the concise model: per layer, then clipped by min(1, θ/‖g‖).
    model.zeroGradients()
    let (again, _) = model(batch)
    again.softmaxCrossEntropy(targets: batch.timeMajorTargets).backward()
    func sumOfSquares(_ t: Tensor) -> Double { (t.gradient?.scalars ?? []).reduce(0) { $0 + Double($1) * Double($1) } }
    let global = model.parameters.reduce(0) { $0 + sumOfSquares($1) }.squareRoot()
    let scale = min(1, Double(clip) / global)
    #expect(scale < 1)
    for l in 0..<Self.L {
      let direct = ["weight_ih", "weight_hh", "bias_ih", "bias_hh"].reduce(0) { $0 + sumOfSquares(model.rnn.parameter(named: "\($1)_l\(l)")!) }.squareRoot()
      #expect(abs(norms.weightBefore[l] - direct) < 1e-5 * max(direct, 1))
      #expect(abs(norms.weightAfter[l] - direct * scale) < 1e-5 * max(direct, 1))
    }
    #expect(abs(norms.globalNorm - global) < 1e-5 * global)
    model.zeroGradients()
  }

  /// ∂loss/∂H_t^(l) of a lower layer at an early step, against finite differences: nudge the
  /// state along the gradient and watch the loss.
  @Test(arguments: [CellKind.gru, .lstm])
  func stateGradientsAgreeWithFiniteDifferences(kind: CellKind) throws {
    let model = Self.model(kind), batch = Self.batch()
    let (l, t) = (0, 1)
    let recurrence = LayerwiseRecurrence(model: model)
    let pass = recurrence(timeMajorTokens: batch.timeMajorInputs, steps: Self.T, batch: Self.B)
    pass.logits.softmaxCrossEntropy(targets: batch.timeMajorTargets).backward()
    let gradient = try #require(pass.probes[l][t].gradient).scalars
    let norm = gradient.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
    let direction = gradient.map { Float(Double($0) / norm) }
    func loss(_ epsilon: Float) -> Double {
      var nudged = recurrence
      nudged.nudge = (l, t, Tensor(shape: [Self.B, Self.h], direction.map { $0 * epsilon }))
      return withoutGradients {
        Double(nudged(timeMajorTokens: batch.timeMajorInputs, steps: Self.T, batch: Self.B).logits
          .softmaxCrossEntropy(targets: batch.timeMajorTargets).scalar)
      }
    }
    let epsilon: Float = 1e-2
    let slope = (loss(epsilon) - loss(-epsilon)) / Double(2 * epsilon)  // the derivative along the unit direction = ‖∂loss/∂H‖
    #expect(abs(slope - norm) < 0.05 * norm + 1e-5, "finite difference \(slope) vs gradient norm \(norm)")
  }
}
