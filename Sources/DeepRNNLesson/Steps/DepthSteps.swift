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
    for line in ExperimentPresentation.lines(report, width: context.width) { context.say(line) }
    context.say()
    context.say(String(format: "  The chapter's LSTM (256 units), timed for %.1f s each on this machine (%d threads): 1 layer %.0f tokens/s, "
                       + "2 layers %.0f tokens/s: two layers train at %.2f× the speed of one.",
                       seconds, Benchmark.threads, speeds[0], speeds[1], speeds[1] / speeds[0]))
    context.say("  Tiny sizes, so tiny conclusions. The full experiment: `lessons experiment depth` (1-3 minutes).")
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
    let loader = SeqDataLoader(corpus: corpus, batchSize: configuration.batchSize, numSteps: configuration.numSteps)
    var generator = RandomGenerator(seed: 0)
    let model = RNNModel(kind: configuration.cell, vocabSize: vocab.count, hiddenSize: configuration.hiddenSize,
                         numLayers: layers, using: &generator)
    return Benchmark.training(model, loader: loader, configuration: configuration, seconds: seconds).tokensPerSecond
  }

  // MARK: - hidden-heatmap

  public static func showHeatmap(_ context: StepOutput, outcome: TrainingRun.Outcome, text: [Character], tokens: [Int32],
                          states: [[[Float]]], change: [Double], units: Int) {
    let model = outcome.model
    // The layer-by-layer pass against the fused layer: the same H_t^(l).
    var fused: [Tensor] = []
    _ = withoutGradients { model(timeMajorTokens: tokens, steps: tokens.count, batch: 1, observe: { _, H in fused.append(H) }) }
    let difference = zip(states, fused).map { s, f in zip(s.flatMap { $0 }, f.scalars).map { abs($0 - $1) }.max() ?? 0 }.max() ?? 0
    context.say("  \(model.kind.displayName), \(model.numLayers) layers of \(model.hiddenSize) units, fed \"\(String(text))\" (\(text.count) steps).")
    context.say(String(format: "  Every Hₜ⁽ˡ⁾ recomputed layer by layer from the trained weights; largest difference from the fused layer: %.1e.", difference))
    context.say("  Per layer, the \(min(units, model.hiddenSize)) units that vary most over the sentence, values divided by the layer's largest |value| m; "
      + (context.color ? "blue below zero, red above, darker further from zero." : "shade by value: ' ' near -m, ░ ▒ ▓ between, █ near +m."))
    let shown = Array(text.prefix(max(10, context.width - 16)))
    for l in stride(from: states.count - 1, through: 0, by: -1) {  // top layer first, as the book draws the stack
      let meanAbs = states[l].flatMap { $0 }.reduce(0) { $0 + Double(abs($1)) } / Double(max(states[l].count * model.hiddenSize, 1))
      context.say()
      let picked = HiddenStateHeatmap.liveliestUnits(states[l], count: units)
      let m = HiddenStateHeatmap.scale(states[l], units: picked)
      context.say(String(format: "  layer %d: mean |Hₜ − Hₜ₋₁| = %.4f   (mean |Hₜ| = %.3f; m = %.3f)", l + 1, change[l], meanAbs, m))
      for line in HiddenStateHeatmap.lines(states: states[l], units: picked, text: shown, scale: m, color: context.color) {
        context.say(line)
      }
    }
    context.say()
    context.say("  " + verdict(change))
  }

  /// What the measured change per layer says about "lower layers track shorter patterns".
  public static func verdict(_ change: [Double]) -> String {
    guard change.count > 1, let first = change.first, let last = change.last, last > 0 else {
      return "One layer: nothing to compare. Run with --set numLayers=2 (or more) to compare layers."
    }
    let ratio = first / last
    let order = change.enumerated().map { String(format: "layer %d %.4f", $0.offset + 1, $0.element) }.joined(separator: ", ")
    if ratio > 1.1 {
      return String(format: "Measured (%@): layer 1 moves %.2f× as far per character as layer %d. Here the lower layer is the faster one, "
                    + "as \"a lower layer tracks short patterns\" predicts.", order, ratio, change.count)
    } else if ratio < 1 / 1.1 {
      return String(format: "Measured (%@): layer %d moves %.2f× as far per character as layer 1. On this model and sentence the upper layer "
                    + "is the faster one: the claim that lower layers are faster does not hold here. Depth divides the work, but "
                    + "training, not the architecture, decides how.", order, change.count, 1 / ratio)
    }
    return String(format: "Measured (%@): the layers move about equally per character (within 10%%), so this model shows no split into "
                  + "fast lower and slow upper layers.", order)
  }

  // MARK: - gradient-norms

  public static func showGradients(_ context: StepOutput, _ measured: [(name: String, norms: GradientNorms)], steps: Int) {
    for (name, norms) in measured {
      context.say()
      context.say("  \(name) model, t = 1 … \(steps), a block per step:")
      for (title, rows) in [("‖∂loss/∂Hₜ⁽ˡ⁾‖, the whole minibatch's loss", norms.state),
                            ("‖∂ℓ_T/∂Hₜ⁽ˡ⁾‖, the last step's loss alone", norms.lastStep)] {
        let top = rows.flatMap { $0 }.max() ?? 0
        context.say(String(format: "   %@ (█ = %.2e):", title, top))
        for l in stride(from: rows.count - 1, through: 0, by: -1) {
          let row = rows[l]
          context.say(String(format: "    layer %d  %@  t=1: %.2e  t=%d: %.2e", l + 1, GradientNorms.sparkline(row, top: top),
                             row.first ?? 0, row.count, row.last ?? 0))
        }
      }
      context.say("   weight gradients per layer (W_ih, W_hh, b_ih, b_hh together):")
      for l in norms.weightBefore.indices.reversed() {
        context.say(String(format: "    layer %d  before clipping %.4f   after %.4f", l + 1, norms.weightBefore[l], norms.weightAfter[l]))
      }
      context.say(String(format: "    global norm %.4f (output layer included): clipping to %g multiplied every gradient by %.3f",
                         norms.globalNorm, norms.clip, norms.clipScale))
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
    var text = String(format: "Traced back from step %d to step 1, the last prediction's gradient in the top layer shrinks to %.1e of its size "
                      + "(trained) and %.1e (fresh)", T, reach(trained, L - 1), reach(fresh, L - 1))
    if L > 1 {
      text += String(format: ", in the bottom layer to %.1e and %.1e", reach(trained, 0), reach(fresh, 0))
      text += String(format: "; over the whole loss, the bottom layer's states get %.2f× (trained) and %.2f× (fresh) the gradient of the top layer's",
                     mean(trained.state[0]) / max(mean(trained.state[L - 1]), 1e-30), mean(fresh.state[0]) / max(mean(fresh.state[L - 1]), 1e-30))
    }
    text += ". "
    if trained.clipScale < 1 || fresh.clipScale < 1 {
      text += String(format: "Clipping to %g scaled the trained model's gradients by %.3f and the fresh one's by %.3f, so the same learning "
                     + "rate took steps of different sizes: ", trained.clip, trained.clipScale, fresh.clipScale)
    } else {
      text += String(format: "On this minibatch clipping to %g changed nothing (global norms %.3f and %.3f): it guards against the rare "
                     + "minibatch whose gradient explodes, not the typical one. ", trained.clip, trained.globalNorm, fresh.globalNorm)
    }
    text += "This is what the chapter's summary means by a deep RNN needing its learning rate and clipping tuned: the gradient each "
      + "layer receives depends on its depth and on where training is."
    return text
  }
}
