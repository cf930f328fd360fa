import D2L
import CourseKit
import Foundation
import LessonEngine

/// What the depth experiment's numbers say, in sentences built from them: what depth bought,
/// what it cost, and how narrow-and-deep fared against wide-and-shallow. When the single layer
/// wins, it says so.
enum DepthDiscussion {
  /// Relative differences below this are read as "about the same" (one run, one seed).
  static let noise = 0.02

  static func notes(depths: [DepthExperiment.Setting], equal: (deep: DepthExperiment.Setting, wide: DepthExperiment.Setting)?,
                    budget: ExperimentBudget) -> [String] {
    guard let one = depths.first, depths.count > 1 else { return [] }
    var notes: [String] = []
    let finite = depths.filter { $0.heldOut.isFinite }
    let byDepth = depths.map { "\($0.layers): \(ExperimentSupport.fixed($0.heldOut, 3))" }.joined(separator: ", ")
    if let best = finite.min(by: { $0.heldOut < $1.heldOut }) {
      if best.layers == 1 || (one.heldOut - best.heldOut) / one.heldOut < noise {
        notes.append(tr("depth.note.noHelp", [
          "byDepth": byDepth,
          "who": best.layers == 1
            ? tr("depth.note.singleBest") : tr("depth.note.within", ["name": best.result.name, "percent": Num.percent(noise)]),
        ]))
      } else {
        notes.append(tr("depth.note.helped", [
          "byDepth": byDepth, "name": best.result.name, "perplexity": Num.fixed(best.heldOut, 3),
          "change": ExperimentSupport.change(from: one.heldOut, to: best.heldOut),
        ]))
      }
    }
    // The cost: the chapter says two layers slow training considerably.
    let speeds = depths.map { "\($0.layers): \(Num.int(Int($0.result.tokensPerSecond.rounded())))" }.joined(separator: ", ")
    let two = depths[1]
    let unsteady = zip(depths, depths.dropFirst()).contains { $1.result.tokensPerSecond > $0.result.tokensPerSecond }
    notes.append(tr("depth.note.cost", [
      "speeds": speeds, "ratio": Num.fixed(two.result.tokensPerSecond / max(one.result.tokensPerSecond, 1), 2),
    ]) + (unsteady ? " " + tr("depth.note.unsteady") : ""))
    // Still learning, or memorising?
    let deeper = depths.dropFirst()
    if deeper.allSatisfy({ $0.result.trainPerplexity > one.result.trainPerplexity * (1 + noise) }) {
      notes.append(tr("depth.note.catchingUp", [
        "epochs": budget.epochs, "deeper": deeper.map { ExperimentSupport.fixed($0.result.trainPerplexity, 3) }.joined(separator: ", "),
        "one": Num.fixed(one.result.trainPerplexity, 3),
      ]))
    } else {
      let gaps = depths.map { $0.heldOut - $0.result.trainPerplexity }
      let text = zip(depths, gaps).map { "\($0.layers): \(ExperimentSupport.fixed($1))" }.joined(separator: ", ")
      let widening = gaps.last! > gaps.first! + noise * one.result.trainPerplexity
      notes.append(tr("depth.note.gap", ["gaps": text, "verdict": tr(widening ? "depth.note.gapWidens" : "depth.note.gapSteady")]))
    }
    if let (deep, wide) = equal {
      let close = abs(deep.heldOut - wide.heldOut) / min(deep.heldOut, wide.heldOut) < noise
      notes.append(tr("depth.note.equal", [
        "deepParameters": ExperimentSupport.count(deep.parameters), "wideParameters": ExperimentSupport.count(wide.parameters),
        "layers": deep.layers, "hidden": deep.hiddenSize, "deepHeldOut": Num.fixed(deep.heldOut, 3),
        "deepSpeed": Num.int(Int(deep.result.tokensPerSecond.rounded())), "width": wide.hiddenSize,
        "wideHeldOut": Num.fixed(wide.heldOut, 3), "wideSpeed": Num.int(Int(wide.result.tokensPerSecond.rounded())),
        "verdict": tr(close ? "depth.note.equalClose" : deep.heldOut < wide.heldOut ? "depth.note.deepBetter" : "depth.note.wideBetter"),
      ]))
    }
    notes.append(tr("depth.note.seed", [
      "epochs": budget.epochs * 2, "lstm": budget.cell == .lstm ? "" : tr("depth.note.lstm"),
    ]))
    return notes
  }
}
