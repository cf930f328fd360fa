import CourseKit
import D2L
import LessonEngine

/// A tiny seeded scratch GRU: every reset gate, update gate, candidate and state, step by step.
public enum GRUTinyStep: TinyCellStep {
  public static let id = "gru-tiny"
  public static var summary: String { tr("tiny.summary") }
  public static let parameters = TinyCellInput.parameters(GRUStrings.table)

  public static func run(_ input: TinyCellInput, _ out: StepOutput) {
    let (batch, steps, inputs, hidden, seed) = (input.batch, input.steps, input.inputs, input.hidden, input.seed)
    // ANCHOR: gru-tiny
    var generator = RandomGenerator(seed: seed)
    let X = Tensor.normal([steps, batch, inputs], using: &generator)  // T, n, d
    let gru = GRUScratch(
      numInputs: inputs, numHiddens: hidden, sigma: 0.5, using: &generator)
    // H_1 … H_T, the last state, and each step's R, Z and H̃
    let (outputs, state, gates) = gru(X)
    // ANCHOR_END: gru-tiny
    let axes = [tr("axis.steps"), tr("axis.batch")]
    out.shape("X", X.shape, axes + [tr("axis.inputs")])
    out.shape(Scripts.W("xr") + ", " + Scripts.W("xz") + ", " + Scripts.W("xh"), gru.W_xr.shape, [tr("axis.inputs"), tr("axis.hidden")])
    out.shape(Scripts.W("hr") + ", " + Scripts.W("hz") + ", " + Scripts.W("hh"), gru.W_hr.shape, [tr("axis.hidden"), tr("axis.hidden")])
    out.say("  " + tr("tiny.zero"))
    GateWalk.show(gates: gates, outputs: outputs, equations: [
      "R": "R{t} = σ(X{t} \(Scripts.W("xr")) + H{t-1} \(Scripts.W("hr")) + b_r)",
      "Z": "Z{t} = σ(X{t} \(Scripts.W("xz")) + H{t-1} \(Scripts.W("hz")) + b_z)",
      "H_tilde": "H̃{t} = tanh(X{t} \(Scripts.W("xh")) + (R{t} ⊙ H{t-1}) \(Scripts.W("hh")) + b_h)",
      "H": "H{t} = Z{t} ⊙ H{t-1} + (1 − Z{t}) ⊙ H̃{t}",
    ], out: out)
    out.say()
    out.say("  " + tr("tiny.range", ["low": Num.fixed(Double(gates.flatMap { [$0["R"]!, $0["Z"]!] }.flatMap(\.scalars).min() ?? 0), 3),
                                     "high": Num.fixed(Double(gates.flatMap { [$0["R"]!, $0["Z"]!] }.flatMap(\.scalars).max() ?? 0), 3)]))
    out.shape("state", state.H.shape, [tr("axis.batch"), tr("axis.hidden")], note: tr("tiny.last"))
  }
}
