import CourseKit
import Foundation
import D2L
import LessonEngine

/// Exercise 1: which gate values let only the input at t′ predict the output at t > t′? A GRU
/// of one unit with weights set by hand: a marker input closes the reset gate and the update
/// gate at t′ (take the new input, ignore the past) and leaves the update gate open elsewhere
/// (keep the state). The step shows the gates, then measures that H_T follows X_{t′} alone.
public enum GRUOnlyOneInputStep: LessonStep {
  public static let id = "gru-only-one-input"
  public static var summary: String { tr("only.summary") }
  public static let parameters: [StepParameter] = [
    .integer("steps", 2...12, tr("help.steps")), .integer("tPrime", 1...12, tr("help.tPrime")),
    .integer("seed", 0...1_000_000, tr("help.seed")),
  ]

  public struct Input {
    public var steps, tPrime: Int
    public var seed: UInt64
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    let (steps, tPrime) = (values.int("steps"), values.int("tPrime"))
    guard tPrime < steps else { throw StepError(tr("only.order", ["t": tPrime, "T": steps])) }
    return Input(steps: steps, tPrime: tPrime, seed: UInt64(values.int("seed")))
  }

  public static func run(_ input: Input, _ out: StepOutput) {
    let (steps, tPrime) = (input.steps, input.tPrime)
    // ANCHOR: gru-only-one-input
    // Inputs: a marker (1 at t′, else 0) and a value. One hidden unit.
    var generator = RandomGenerator(seed: input.seed)
    let gru = GRUScratch(numInputs: 2, numHiddens: 1, using: &generator)
    gru.W_xz.assign(Tensor(shape: [2, 1], [-20, 0]))  // the marker closes Z…
    gru.b_z.assign(Tensor(shape: [1], [10]))  // …which is open elsewhere
    gru.W_xr.assign(Tensor(shape: [2, 1], [-20, 0]))  // and R: forget H at t′
    gru.b_r.assign(Tensor(shape: [1], [10]))
    gru.W_xh.assign(Tensor(shape: [2, 1], [0, 1]))  // H̃ reads the value
    func sequence(_ values: [Float]) -> Tensor {
      Tensor(shape: [steps, 1, 2], (1...steps).flatMap {
        [$0 == tPrime ? 1 : 0, values[$0 - 1]]
      })
    }
    let values = (0..<steps).map { _ in generator.nextNormal() }
    let (outputs, _, gates) = gru(sequence(values))
    // ANCHOR_END: gru-only-one-input
    out.say("  " + tr("only.setup", ["t": tPrime]))
    for t in 0..<steps {
      let line = String(format: "t = %2d   x = %@   R = %@   Z = %@   H = %@", t + 1, GRUOnlyOneInputStep.fmt(values[t]), GRUOnlyOneInputStep.fmt(gates[t]["R"]!.scalar),
                        GRUOnlyOneInputStep.fmt(gates[t]["Z"]!.scalar), GRUOnlyOneInputStep.fmt(outputs[t].scalar))
      out.say("  " + line + (t + 1 == tPrime ? "   ← t′" : ""))
    }
    // Measured: new values everywhere but t′ barely move H_T; a new value at t′ moves it.
    var others = values, atPrime = values
    for t in 0..<steps where t + 1 != tPrime { others[t] = generator.nextNormal() }
    atPrime[tPrime - 1] = values[tPrime - 1] + 1
    let H_T = outputs[steps - 1].scalar
    let (_, otherState, _) = gru(sequence(others)), (_, primeState, _) = gru(sequence(atPrime))
    out.say()
    out.say("  " + tr("only.measured", [
      "T": steps, "H": GRUOnlyOneInputStep.fmt(H_T), "expected": GRUOnlyOneInputStep.fmt(Foundation.tanh(values[tPrime - 1])),
      "others": Num.scientific(Double(abs(otherState.H.scalar - H_T)), 1),
      "prime": Num.fixed(Double(abs(primeState.H.scalar - H_T)), 3),
    ]))
  }

  /// A value with its sign column kept, three decimals.
  public static func fmt(_ v: Float) -> String { (v < 0 ? "" : " ") + Num.fixed(Double(v), 3) }
}
