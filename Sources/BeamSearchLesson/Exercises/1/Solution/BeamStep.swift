import D2L
import BeamSearchChecks

// The project's answer to beam-search's exercise 1 (the beam step). `lessons author check`
// verifies that it passes and the starter fails.

/// The beam step: the k best of the k × |V| extensions, by log P.
public enum MyBeamStep: BeamStepExercise {
  public static func keepBest(
    _ beam: [BeamEntry], _ logProbabilities: [[Double]], _ beamSize: Int, _ eos: Int?
  ) -> [BeamEntry] {
    var candidates: [BeamEntry] = []
    for (i, parent) in beam.enumerated() {
      if parent.finished {
        candidates.append(parent)  // ended with <eos>: it competes, but grows no more
        continue
      }
      for (v, logP) in logProbabilities[i].enumerated() {
        candidates.append(BeamEntry(tokens: parent.tokens + [v], logProbability: parent.logProbability + logP,
                                    finished: v == eos))
      }
    }
    // Sort the positions: of equal log P, the candidate made first stays first.
    let order = candidates.indices.sorted {
      candidates[$0].logProbability != candidates[$1].logProbability
        ? candidates[$0].logProbability > candidates[$1].logProbability : $0 < $1
    }
    return order.prefix(beamSize).map { candidates[$0] }
  }
}
