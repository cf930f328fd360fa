import D2L
import BeamSearchChecks

// Exercise 1 of "Beam Search": write the beam step, the one line of work that makes beam
// search what it is. Given the k hypotheses kept so far and, for each, the model's
// log-probabilities of every next token, keep the k best of the k × |V| extensions:
//
//     log P(y₁ … y_t, v) = log P(y₁ … y_t) + log P(v | y₁ … y_t)
//
// - an open hypothesis i extended by token v has tokens + [v] and log P + logProbabilities[i][v];
//   it is finished when v == eos;
// - a finished hypothesis (it ended with <eos>) competes as it is, never extended;
// - rank by log P, the k largest overall (not k per parent); of equal ones keep the one made
//   first (parent order, then token order);
// - the length penalty (1/L^α) is not used here: the search applies it once, at the end.
//
// Fill in the `TODO`s, then run `lessons check beam-search:1`. Stuck?
// `lessons hint beam-search:1`. Start over: `lessons reset beam-search:1`.

/// Your beam step: `lessons check` runs the library's beam search with it in place of
/// `BeamStep.keepBest`, and compares what is kept at every step.
public enum MyBeamStep: BeamStepExercise {
  public static func keepBest(
    _ beam: [BeamEntry], _ logProbabilities: [[Double]], _ beamSize: Int, _ eos: Int?
  ) -> [BeamEntry] {
    var candidates: [BeamEntry] = []
    for (i, parent) in beam.enumerated() {
      // TODO: a finished parent is a candidate as it is; an open one gives one candidate per
      // token v of logProbabilities[i]:
      //     BeamEntry(tokens: ..., logProbability: ..., finished: ...)
      _ = (i, parent)
    }
    // TODO: the beamSize candidates with the largest logProbability.
    return Array(candidates.prefix(beamSize))
  }
}
