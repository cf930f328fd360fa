import D2L
import Foundation
import LessonEngine

/// Gates you can watch: a trained scratch model fed a sentence, each gate's values per step and
/// unit, drawn as a heatmap (a unit per row, a character per column) and measured around word
/// boundaries. A gated-cell lesson draws its own gates with it.
public struct GateTrace {
  /// The sentence, a character per step.
  public let text: [Character]
  /// Each gate's values, `values[symbol][t][unit]`, in (0, 1) for a sigmoid gate.
  public let values: [String: [[Float]]]
  public let numHiddens: Int

  /// Feeds `sentence` to `model` from a zero state, one sequence, and keeps every gate.
  public init<Cell: ScratchCell>(model: ScratchLanguageModel<Cell>, vocab: Vocab, sentence: String) {
    let text = Array(sentence)
    let tokens = text.map { Int32(vocab[String($0)]) }
    let gates = withoutGradients { model.run(timeMajorTokens: tokens, steps: tokens.count, batch: 1, state: nil).gates }
    var values: [String: [[Float]]] = [:]
    for step in gates {
      for (symbol, value) in step.values { values[symbol, default: []].append(value.scalars) }
    }
    self.text = text
    self.values = values
    numHiddens = model.cell.numHiddens
  }

  /// The heatmap of gate `symbol` for the `count` units that move most over the sentence. A
  /// gate's (0, 1) is drawn as [-1, 1]: closed (0) is the lightest, open (1) the darkest.
  public func heatmap(_ symbol: String, units count: Int, label: String) -> (map: StepHeatmap, units: [Int]) {
    let rows = values[symbol] ?? []
    let units = GateTrace.liveliest(rows, count: count)
    let steps = min(text.count, rows.count)
    let grid = units.map { u in (0..<steps).map { 2 * rows[$0][u] - 1 } }
    return (StepHeatmap(text: String(text.prefix(steps)), units: units, values: grid, unitLabel: label), units)
  }

  /// The mean of gate `symbol` over all units at the steps that read a space, at the first
  /// letter of each word (the step after a space), and at the other letters.
  public func boundaryMeans(_ symbol: String) -> (space: Double, wordStart: Double, inWord: Double) {
    let rows = values[symbol] ?? []
    var sums = [0.0, 0.0, 0.0], counts = [0, 0, 0]
    for (t, row) in rows.enumerated() where t < text.count {
      let kind = text[t] == " " ? 0 : (t > 0 && text[t - 1] == " " ? 1 : 2)
      sums[kind] += row.reduce(0) { $0 + Double($1) } / Double(max(row.count, 1))
      counts[kind] += 1
    }
    let mean = { (k: Int) in counts[k] == 0 ? Double.nan : sums[k] / Double(counts[k]) }
    return (mean(0), mean(1), mean(2))
  }

  /// The `count` units whose values vary most over the steps (largest variance), in index order.
  static func liveliest(_ rows: [[Float]], count: Int) -> [Int] {
    guard let units = rows.first?.count, units > 0 else { return [] }
    let spread = (0..<units).map { u -> Double in
      let v = rows.map { Double($0[u]) }
      let mean = v.reduce(0, +) / Double(v.count)
      return v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    }
    return Array((0..<units).sorted { spread[$0] > spread[$1] }.prefix(count)).sorted()
  }
}

/// Prints a scratch cell's run on a tiny example step by step: each gate with its equation and
/// values, then the new state (and memory cell), as a lesson prints Hₜ⁽ˡ⁾ of a tiny example.
public enum GateWalk {
  /// - Parameters:
  ///   - equations: the line printed above each gate's or state's values, by symbol (`R`, `Z`,
  ///     `H_tilde`, `H`, `C`), with `{t}` and `{t-1}` as subscripts.
  public static func show(
    gates: [ScratchGates], outputs: [Tensor], cells: [Tensor]? = nil, equations: [String: String], out: StepOutput
  ) {
    for (t, step) in gates.enumerated() {
      func line(_ symbol: String) -> String {
        (equations[symbol] ?? symbol)
          .replacingOccurrences(of: "{t-1}", with: Scripts.sub(t))
          .replacingOccurrences(of: "{t}", with: Scripts.sub(t + 1))
      }
      out.say()
      for (symbol, value) in step.values {
        out.equation(line(symbol))
        out.values(value)
      }
      if let cells {
        out.equation(line("C"))
        out.values(cells[t])
      }
      out.equation(line("H"))
      out.values(outputs[t])
    }
  }
}

/// What a gated-cell section's "gates you can watch" step reads: the trained scratch model, the
/// sentence to feed it and how many units to draw.
public struct GateWatchInput<Cell: ScratchCell> {
  public let model: ScratchLanguageModel<Cell>
  public let vocab: Vocab
  public let sentence: String
  public let units: Int

  /// The model `trained`, with the step's `sentence` and `units` values.
  public init(_ values: StepValues, trained: TrainedScratch<Cell>) {
    model = trained.model
    vocab = trained.vocab
    sentence = values.string("sentence")
    units = values.int("units")
  }

  /// The step's parameters, `sentence` and `units` (1 to 64), helped in the lesson's words:
  /// `help.sentence` and `help.units` of its `strings`.
  public static func parameters(_ strings: StringTable) -> [StepParameter] {
    [.text("sentence", strings("help.sentence")), .integer("units", 1...64, strings("help.units"))]
  }
}

/// A gated-cell section's "gates you can watch" step: it reads `Training`'s model with the
/// step's sentence and units.
public protocol GateWatchStep: TrainedScratchReader where Input == GateWatchInput<Training.Cell> {}

extension GateWatchStep {
  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    GateWatchInput(values, trained: try results.output(of: Training.self))
  }
}

extension GateTrace {
  /// Prints what a gates step shows below its code: the legend, each drawn gate's heatmap under
  /// its title, then the gate measured around word boundaries and what that says.
  /// - Parameters:
  ///   - gates: each drawn gate's title and `heatmap`, in the section's order.
  ///   - around: the measured gate's `boundaryMeans`.
  ///   - otherwise: the lesson's key for the verdict when the gate is not larger at spaces than
  ///     inside words (the other is `gates.keepsAtSpace`).
  ///   - strings: the lesson's strings; they hold `gates.legend` and `gates.measured` too.
  public func report(
    _ gates: [(title: String, heatmap: (map: StepHeatmap, units: [Int]))],
    around: (space: Double, wordStart: Double, inWord: Double), otherwise: String,
    strings: StringTable, out: StepOutput
  ) {
    let drawn = gates.first?.heatmap.units.count ?? 0
    out.say("  " + strings("gates.legend", ["count": drawn, "hidden": numHiddens, "steps": text.count]))
    for gate in gates {
      out.say()
      out.say("  " + gate.title)
      out.heatmap(gate.heatmap.map)
    }
    out.say()
    let verdict = around.space > around.inWord ? "gates.keepsAtSpace" : otherwise
    out.say("  " + strings("gates.measured", [
      "space": Num.fixed(around.space, 3), "start": Num.fixed(around.wordStart, 3), "inside": Num.fixed(around.inWord, 3),
      "hidden": numHiddens,
    ]) + " " + strings(verdict))
  }
}
