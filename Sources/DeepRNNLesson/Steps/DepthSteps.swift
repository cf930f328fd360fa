import CourseKit
import D2L
import Foundation
import LessonEngine

/// What depth buys, measured and seen: the depth experiment in miniature, every layer's hidden
/// states over a sentence, and the gradients of every layer over time.
public enum DepthSteps {
  public static let all: [StepDefinition] = [
    PublishedResultStep.definition, ExperimentDepthStep.definition, HiddenHeatmapStep.definition,
    GradientNormsStep.definition,
  ]

  /// The miniature's report, and the measured speeds of 1 and 2 layers.
  public static func showExperiment(_ context: StepOutput, _ report: ExperimentReport, speeds: [Double], seconds: Double) {
    ExperimentPresentation.show(report, context)
    context.say()
    context.say("  " + tr("depth.speed", [
      "seconds": Num.compact(Float(seconds)), "threads": Benchmark.threads, "one": Num.int(Int(speeds[0].rounded())),
      "two": Num.int(Int(speeds[1].rounded())), "ratio": Num.fixed(speeds[1] / speeds[0], 2),
    ]))
    context.say("  " + tr("depth.tiny"))
  }

  /// The step's sizes as the depth experiment's budget: a GRU, as its default is, with the
  /// chapter's optimiser and minibatches.
  public static func budget(_ values: StepValues) -> ExperimentBudget {
    var budget = ExperimentBudget()
    budget.cell = DepthExperiment.defaultBudget.cell
    budget.hiddenSize = values.int("expHidden")
    budget.epochs = values.int("expEpochs")
    budget.trainTokens = values.int("expTokens")
    budget.heldOutTokens = values.int("expHeldOut")
    return budget
  }

  /// Training tokens/s of the chapter's model with `layers` layers on the chapter's text.
  public static func tokensPerSecond(layers: Int, seconds: Double) throws -> Double {
    let (corpus, vocab) = try loadCorpusTimeMachine(maxTokens: 10_000)
    var configuration = TrainingConfiguration()
    configuration.numLayers = layers
    let setup = TrainingSetup(configuration: configuration, corpus: corpus, vocabSize: vocab.count)
    return Benchmark.training(setup.model, loader: setup.loader, configuration: configuration, seconds: seconds).tokensPerSecond
  }

  // MARK: - hidden-heatmap

  public static func showHeatmap(_ context: StepOutput, outcome: TrainingRun.Outcome, text: [Character], tokens: [Int32],
                          states: [[[Float]]], change: [Double], units: Int) {
    let model = outcome.model
    // The layer-by-layer pass against the fused layer: the same H_t^(l).
    var fused: [Tensor] = []
    _ = withoutGradients { model(timeMajorTokens: tokens, steps: tokens.count, batch: 1, observe: { _, H in fused.append(H) }) }
    let difference = zip(states, fused).map { s, f in zip(s.flatMap { $0 }, f.scalars).map { abs($0 - $1) }.max() ?? 0 }.max() ?? 0
    context.say("  " + tr("heatmap.model", [
      "cell": model.kind.displayName, "layers": model.numLayers, "hidden": model.hiddenSize, "steps": text.count,
    ]))
    context.say("  " + tr("heatmap.recomputed", ["difference": Num.scientific(Double(difference), 1)]))
    context.say("  " + tr("heatmap.legend", [
      "count": min(units, model.hiddenSize), "shading": tr(context.color ? "heatmap.colors" : "heatmap.shades"),
    ]))
    for l in stride(from: states.count - 1, through: 0, by: -1) {  // top layer first, as the book draws the stack
      let meanAbs = states[l].flatMap { $0 }.reduce(0) { $0 + Double(abs($1)) } / Double(max(states[l].count * model.hiddenSize, 1))
      context.say()
      let picked = HiddenStateHeatmap.liveliestUnits(states[l], count: units)
      let m = HiddenStateHeatmap.scale(states[l], units: picked)
      context.say("  " + tr("heatmap.layer", [
        "layer": l + 1, "change": Num.fixed(change[l], 4), "mean": Num.fixed(meanAbs, 3), "m": Num.fixed(Double(m), 3),
      ]))
      context.heatmap(HiddenStateHeatmap.map(states: states[l], units: picked, text: text, scale: m, label: tr("heatmap.unit")))
    }
    context.say()
    context.say("  " + verdict(change))
  }

  /// What the measured change per layer says about "lower layers track shorter patterns".
  public static func verdict(_ change: [Double]) -> String {
    guard change.count > 1, let first = change.first, let last = change.last, last > 0 else {
      return tr("heatmap.verdict.one")
    }
    let ratio = first / last
    let order = change.enumerated().map { tr("heatmap.verdict.layer", ["layer": $0.offset + 1, "change": Num.fixed($0.element, 4)]) }
      .joined(separator: ", ")
    if ratio > 1.1 {
      return tr("heatmap.verdict.lower", ["order": order, "ratio": Num.fixed(ratio, 2), "top": change.count])
    } else if ratio < 1 / 1.1 {
      return tr("heatmap.verdict.upper", ["order": order, "ratio": Num.fixed(1 / ratio, 2), "top": change.count])
    }
    return tr("heatmap.verdict.equal", ["order": order])
  }

  // MARK: - gradient-norms

  public static func showGradients(_ context: StepOutput, _ measured: [(name: String, norms: GradientNorms)], steps: Int) {
    for (name, norms) in measured {
      // A block per step, or per a few steps when the steps outnumber the columns.
      let fixed = tr("gradients.row", [
        "layer": norms.state.count, "spark": "", "first": "0.00e+00", "last": steps, "lastValue": "0.00e+00",
      ])
      let room = max(10, context.width - 4 - LineFitter.columns(fixed))
      let per = max(1, (steps + room - 1) / room)
      context.say()
      context.say("  " + tr("gradients.model", [
        "name": name, "steps": steps, "blocks": per == 1 ? tr("gradients.perStep") : tr("gradients.perSteps", ["count": per]),
      ]))
      for (title, rows) in [(tr("gradients.whole"), norms.state), (tr("gradients.last"), norms.lastStep)] {
        let top = rows.flatMap { $0 }.max() ?? 0
        context.say("   " + title + " (█ = " + Num.scientific(top, 2) + "):")
        for l in stride(from: rows.count - 1, through: 0, by: -1) {
          let row = rows[l]
          let blocks = stride(from: 0, to: row.count, by: per).map { row[$0..<min($0 + per, row.count)].max() ?? 0 }
          context.say("    " + tr("gradients.row", [
            "layer": l + 1, "spark": GradientNorms.sparkline(blocks, top: top), "first": Num.scientific(row.first ?? 0, 2),
            "last": row.count, "lastValue": Num.scientific(row.last ?? 0, 2),
          ]))
        }
      }
      context.say("   " + tr("gradients.weights"))
      for l in norms.weightBefore.indices.reversed() {
        context.say("    " + tr("gradients.weightRow", [
          "layer": l + 1, "before": Num.fixed(norms.weightBefore[l], 4), "after": Num.fixed(norms.weightAfter[l], 4),
        ]))
      }
      context.say("    " + tr("gradients.global", [
        "norm": Num.fixed(norms.globalNorm, 4), "clip": Num.compact(Float(norms.clip)), "scale": Num.fixed(norms.clipScale, 3),
      ]))
    }
    guard let trained = measured.first?.norms, let fresh = measured.last?.norms else { return }
    context.say()
    for line in ExperimentPresentation.wrap(summary(trained: trained, fresh: fresh), width: context.width - 4) { context.say("  " + line) }
  }

  /// Sentences read off the norms: how far back the last prediction's gradient reaches, how
  /// the layers compare, and what clipping did.
  public static func summary(trained: GradientNorms, fresh: GradientNorms) -> String {
    func reach(_ n: GradientNorms, _ l: Int) -> Double { (n.lastStep[l].first ?? 0) / max(n.lastStep[l].last ?? 0, 1e-30) }
    func mean(_ row: [Double]) -> Double { row.reduce(0, +) / Double(max(row.count, 1)) }
    let L = trained.state.count, T = trained.state[0].count
    var text = tr("gradients.reach", [
      "steps": T, "trained": Num.scientific(reach(trained, L - 1), 1), "fresh": Num.scientific(reach(fresh, L - 1), 1),
    ])
    if L > 1 {
      text += tr("gradients.reachBottom", [
        "trained": Num.scientific(reach(trained, 0), 1), "fresh": Num.scientific(reach(fresh, 0), 1),
      ])
      text += tr("gradients.bottomTop", [
        "trained": Num.fixed(mean(trained.state[0]) / max(mean(trained.state[L - 1]), 1e-30), 2),
        "fresh": Num.fixed(mean(fresh.state[0]) / max(mean(fresh.state[L - 1]), 1e-30), 2),
      ])
    }
    text += ". "
    if trained.clipScale < 1 || fresh.clipScale < 1 {
      text += tr("gradients.clipped", [
        "clip": Num.compact(Float(trained.clip)), "trained": Num.fixed(trained.clipScale, 3), "fresh": Num.fixed(fresh.clipScale, 3),
      ])
    } else {
      text += tr("gradients.notClipped", [
        "clip": Num.compact(Float(trained.clip)), "trained": Num.fixed(trained.globalNorm, 3), "fresh": Num.fixed(fresh.globalNorm, 3),
      ])
    }
    return text + " " + tr("gradients.meaning")
  }
}
