/// The library's beam step, the one `beamSearch` uses unless told otherwise (and the one the
/// exercise's answer is checked against).
public enum BeamStep {
  /// Keeps the k best of the k × |𝒴| extensions, by log P overall (not k per parent):
  /// every open hypothesis is extended by every token, its log P growing by that token's
  /// log-probability; a finished one (ended with <eos>) competes as it is, never extended.
  /// Candidates are ranked by log P; equal ones keep the order in which they were made
  /// (parent, then token), so that k = 1 is greedy's argmax. The length penalty is applied
  /// only to the final choice, not here.
  public static func keepBest(
    _ beam: [BeamEntry], _ logProbabilities: [[Double]], _ beamSize: Int, _ eos: Int?
  ) -> [BeamEntry] {
    let candidates = self.candidates(beam, logProbabilities, eos)
    // Sort positions, not entries: Swift's sort is not stable, and ties must keep their order.
    let order = candidates.indices.sorted { a, b in
      let pa = candidates[a].logProbability, pb = candidates[b].logProbability
      return pa != pb ? pa > pb : a < b
    }
    return order.prefix(beamSize).map { candidates[$0] }
  }

  /// Every candidate of one step, in the order made (parent, then token): each open
  /// hypothesis extended by every token, log P summed, and each finished one as it is.
  public static func candidates(_ beam: [BeamEntry], _ logProbabilities: [[Double]], _ eos: Int?) -> [BeamEntry] {
    var candidates: [BeamEntry] = []
    for (parent, row) in zip(beam, logProbabilities) {
      if parent.finished {
        candidates.append(parent)
        continue
      }
      for (token, logP) in row.enumerated() {
        candidates.append(BeamEntry(tokens: parent.tokens + [token],
                                    logProbability: parent.logProbability + logP,
                                    finished: token == eos))
      }
    }
    return candidates
  }
}
