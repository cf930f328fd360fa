import CourseKit
import D2L
import LessonEngine

/// A tiny seeded scratch LSTM: every input, forget and output gate, candidate, memory cell and
/// state, step by step.
public enum LSTMTinyStep: TinyCellStep {
  public static let id = "lstm-tiny"
  public static var summary: String { tr("tiny.summary") }
  public static let parameters = TinyCellInput.parameters(LSTMStrings.table)

  public static func run(_ input: TinyCellInput, _ out: StepOutput) {
    let (batch, steps, inputs, hidden, seed) = (input.batch, input.steps, input.inputs, input.hidden, input.seed)
    // ANCHOR: lstm-tiny
    var generator = RandomGenerator(seed: seed)
    let X = Tensor.normal([steps, batch, inputs], using: &generator)  // T, n, d
    let lstm = LSTMScratch(
      numInputs: inputs, numHiddens: hidden, sigma: 0.5, using: &generator)
    var state = lstm.zeroState(batchSize: batch)  // H_0 = C_0 = 0
    var trace: [(state: ScratchState, gates: ScratchGates)] = []
    for t in 0..<steps {
      trace.append(lstm.step(X[t], state))  // I, F, O, C̃, then C_t and H_t
      state = trace[t].state
    }
    // ANCHOR_END: lstm-tiny
    let (outputs, cells, gates) = (trace.map(\.state.H), trace.map { $0.state.C! }, trace.map(\.gates))
    let axes = [tr("axis.steps"), tr("axis.batch")]
    out.shape("X", X.shape, axes + [tr("axis.inputs")])
    out.shape([Scripts.W("xi"), Scripts.W("xf"), Scripts.W("xo"), Scripts.W("xc")].joined(separator: ", "), lstm.W_xi.shape,
              [tr("axis.inputs"), tr("axis.hidden")])
    out.say("  " + tr("tiny.zero"))
    GateWalk.show(gates: gates, outputs: outputs, cells: cells, equations: [
      "I": "I{t} = σ(X{t} \(Scripts.W("xi")) + H{t-1} \(Scripts.W("hi")) + b_i)",
      "F": "F{t} = σ(X{t} \(Scripts.W("xf")) + H{t-1} \(Scripts.W("hf")) + b_f)",
      "O": "O{t} = σ(X{t} \(Scripts.W("xo")) + H{t-1} \(Scripts.W("ho")) + b_o)",
      "C_tilde": "C̃{t} = tanh(X{t} \(Scripts.W("xc")) + H{t-1} \(Scripts.W("hc")) + b_c)",
      "C": "C{t} = F{t} ⊙ C{t-1} + I{t} ⊙ C̃{t}",
      "H": "H{t} = O{t} ⊙ tanh(C{t})",
    ], out: out)
    out.say()
    let c = cells.flatMap(\.scalars).map(abs).max() ?? 0, h = outputs.flatMap(\.scalars).map(abs).max() ?? 0
    out.say("  " + tr("tiny.range", ["c": Num.fixed(Double(c), 3), "h": Num.fixed(Double(h), 3)]))
  }
}
