
/// What beam search kept at one step, for a reader who wants to watch it.
public struct BeamSearchTrace: Equatable {
  /// 1-based time step t′.
  public var step: Int
  /// The hypotheses kept after the step, best log P first.
  public var kept: [BeamEntry]
}

extension NextTokenModel {
  /// Beam search with beam size k: start from one empty hypothesis; at each step extend the
  /// kept hypotheses by every token and keep the k best of the k × |𝒴| extensions by log P
  /// (`step`, `BeamStep.keepBest` unless a learner's own is given); a hypothesis that ended
  /// with <eos> stays as it is and competes for a place. The final candidates are every
  /// hypothesis that ended with <eos> while kept, and those still open after T′ steps; the
  /// one with the best (1/L^α) log P is returned.
  ///
  /// k = 1 is greedy search; with k ≥ |𝒴|^T′ nothing is ever dropped and it is exhaustive search.
  /// - Parameters:
  ///   - observe: called after each step with the kept hypotheses.
  public func beamSearch(
    from start: SearchState, beamSize: Int, settings: SearchSettings,
    step: BeamStepFunction = BeamStep.keepBest,
    observe: ((BeamSearchTrace) -> Void)? = nil
  ) throws -> SearchResult {
    guard beamSize >= 1 else { throw SearchError.beamSize(beamSize) }
    guard beamSize <= SearchLimits.maximumBeamSize else {
      throw SearchError.beamTooLarge(beamSize, limit: SearchLimits.maximumBeamSize)
    }
    try settings.validate()
    var beam = [Hypothesis(tokens: [], logProbability: 0, finished: false, state: start)]
    var ended: [Hypothesis<SearchState>] = [], steps = 0
    for t in 1...settings.maxLength {
      // A finished hypothesis gets a row too (its state's, which never read the <eos>), so that a
      // step which wrongly extends it does so visibly instead of dropping it.
      let rows = beam.map { logProbabilities(in: $0.state) }
      let kept = step(beam.map(\.entry), rows, beamSize, settings.eos)
      beam = try attachStates(kept, to: beam, at: t, beamSize: beamSize, settings: settings, steps: &steps)
      ended += beam.filter { $0.finished && $0.tokens.count == t }
      observe?(BeamSearchTrace(step: t, kept: beam.map(\.entry)))
      if beam.allSatisfy(\.finished) { break }
    }
    let candidates = ended + beam.filter { !$0.finished }
    return best(candidates, alpha: settings.alpha)!.result(alpha: settings.alpha, modelSteps: steps)
  }

  /// Finds each kept entry's parent in the beam by its tokens, checks that the entry is one
  /// the parent could have become, and gives it the state after its last token (a finished
  /// entry's state is never read again, so it keeps its parent's).
  private func attachStates(
    _ kept: [BeamEntry], to beam: [Hypothesis<SearchState>], at t: Int, beamSize: Int,
    settings: SearchSettings, steps: inout Int
  ) throws -> [Hypothesis<SearchState>] {
    guard !kept.isEmpty, kept.count <= beamSize else {
      throw SearchError.badStep("step \(t) kept \(kept.count) hypotheses; the beam size is \(beamSize)")
    }
    var parents: [[Int]: Hypothesis<SearchState>] = [:]
    for h in beam { parents[h.tokens] = h }
    var result: [Hypothesis<SearchState>] = []
    for entry in kept {
      if let same = parents[entry.tokens], same.finished {
        result.append(same)
        continue
      }
      guard let last = entry.tokens.last, let parent = parents[Array(entry.tokens.dropLast())],
            !parent.finished
      else {
        throw SearchError.badStep("step \(t) kept \(entry.tokens), which extends no open hypothesis of the beam")
      }
      let ends = last == settings.eos
      let needsState = !ends && t < settings.maxLength
      if needsState { steps += 1 }
      result.append(Hypothesis(
        tokens: entry.tokens, logProbability: entry.logProbability, finished: ends,
        state: needsState ? state(after: last, in: parent.state) : parent.state))
    }
    return result
  }
}
