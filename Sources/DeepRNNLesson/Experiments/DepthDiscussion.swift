import Foundation

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
        notes.append("Held-out perplexity by depth (\(byDepth)): depth did not help at this budget. "
          + (best.layers == 1 ? "The single layer is best" : String(format: "The best, %@, is within %.0f%% of the single layer", best.result.name, 100 * noise))
          + " on text none of them trained on.")
      } else {
        notes.append(String(format: "Held-out perplexity by depth (%@): the lowest is %@ (%.3f), %@ against one layer.",
                            byDepth, best.result.name, best.heldOut, ExperimentSupport.change(from: one.heldOut, to: best.heldOut)))
      }
    }
    // The cost: the chapter says two layers slow training considerably.
    let speeds = depths.map { "\($0.layers): \(String(format: "%.0f", $0.result.tokensPerSecond))" }.joined(separator: ", ")
    let two = depths[1]
    notes.append(String(format: "What depth costs: tokens/s by depth (%@). Two layers ran at %.2f× the speed of one, the same width; "
                        + "each layer adds its own loop over the time steps, which needs the H_t of the layer below.",
                        speeds, two.result.tokensPerSecond / max(one.result.tokensPerSecond, 1))
      + (zip(depths, depths.dropFirst()).contains { $1.result.tokensPerSecond > $0.result.tokensPerSecond }
        ? " The speeds do not fall with every layer: other work on the machine while a setting trained shows in its tokens/s "
          + "(`lessons bench` measures speed alone)." : ""))
    // Still learning, or memorising?
    let deeper = depths.dropFirst()
    if deeper.allSatisfy({ $0.result.trainPerplexity > one.result.trainPerplexity * (1 + noise) }) {
      notes.append(String(format: "After the same %d epochs the deeper stacks also fit their training text worse (training perplexity %@ vs %.3f "
                          + "for one layer): they are still catching up, not overfitting. A deeper stack needs more updates, and its "
                          + "learning rate and clipping tuned, before its capacity pays (the chapter's summary says as much).",
                          budget.epochs, deeper.map { ExperimentSupport.fixed($0.result.trainPerplexity, 3) }.joined(separator: ", "),
                          one.result.trainPerplexity))
    } else {
      let gaps = depths.map { $0.heldOut - $0.result.trainPerplexity }
      let text = zip(depths, gaps).map { "\($0.layers): \(ExperimentSupport.fixed($1))" }.joined(separator: ", ")
      let widening = gaps.last! > gaps.first! + noise * one.result.trainPerplexity
      notes.append("Held-out minus training perplexity by depth (\(text)): "
        + (widening
          ? "the gap widens with depth, so part of the extra capacity goes into memorising the training text (overfitting)."
          : "the gap does not widen with depth, so the extra layers are not spent memorising the training text; the "
            + "differences come from how well each depth learned in the time it had."))
    }
    if let (deep, wide) = equal {
      let close = abs(deep.heldOut - wide.heldOut) / min(deep.heldOut, wide.heldOut) < noise
      notes.append(String(format: "At an equal parameter count (%@ vs %@): %d × %d units reached held-out %.3f at %.0f tokens/s; one layer of %d "
                          + "units reached %.3f at %.0f tokens/s. %@",
                          ExperimentSupport.count(deep.parameters), ExperimentSupport.count(wide.parameters), deep.layers, deep.hiddenSize,
                          deep.heldOut, deep.result.tokensPerSecond, wide.hiddenSize, wide.heldOut, wide.result.tokensPerSecond,
                          close ? "About the same quality here, so the faster shape is the better buy."
                            : (deep.heldOut < wide.heldOut ? "Narrow and deep" : "Wide and shallow") + " did better with the same parameters."))
    }
    notes.append("One seed, one budget: differences of a few percent are noise. `--epochs \(budget.epochs * 2)` trains twice "
      + "as long, " + (budget.cell == .lstm ? "" : "`--cell lstm` stacks the chapter's cell, ") + "`--lr` tunes the rate for the deeper stacks.")
    return notes
  }
}
