import D2L

/// What a learner's answer to beam-search's exercise 1 (the beam step) must offer so that
/// `BeamStepCheck` can verify it: `keepBest`, with the signature of `BeamStepFunction`.
///
/// From the k hypotheses kept so far (`beam`) and the model's next-token log-probabilities for
/// each (`logProbabilities[i]`, |V| values, for `beam[i]`), return the k best of the k × |V|
/// extensions by log P: an open hypothesis extended by token v has log P + logProbabilities[i][v]
/// and is finished when v is `eos`; a finished hypothesis competes as it is, never extended.
public protocol BeamStepExercise {
  static func keepBest(_ beam: [BeamEntry], _ logProbabilities: [[Double]], _ beamSize: Int, _ eos: Int?) -> [BeamEntry]
}
