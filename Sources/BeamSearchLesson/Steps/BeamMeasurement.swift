import Foundation

/// One beam size's translations of a set of sentences, measured: what the table of
/// exercise 2 prints for each k.
public struct BeamMeasurement {
  public let beamSize: Int
  public let alpha: Double
  /// Each sentence's translation, as tokens without <eos>.
  public let translations: [[String]]
  /// Mean BLEU against the references.
  public let meanBLEU: Double
  /// How many translations differ from the first measurement's (greedy's, k = 1).
  public let changed: Int
  /// Wall time per sentence, the best of `rounds` passes.
  public let secondsPerSentence: Double

  /// Mean translation length in tokens.
  public var meanLength: Double {
    Double(translations.map(\.count).reduce(0, +)) / Double(max(translations.count, 1))
  }

  /// Translates every source with each setting (beam size, α), `rounds` times (the time is the
  /// fastest pass: the others were slowed by something else on the machine), and scores the
  /// translations with `bleu` against the references. `changed` counts against `baseline`, or
  /// against the first setting's translations when there is none.
  public static func measure<Source>(
    _ sources: [Source], references: [String], settings: [(beamSize: Int, alpha: Double)], rounds: Int = 1,
    baseline: [[String]]? = nil,
    translate: (Source, _ beamSize: Int, _ alpha: Double) throws -> [String],
    bleu: (_ translation: [String], _ reference: String) -> Double
  ) rethrows -> [BeamMeasurement] {
    var results: [BeamMeasurement] = []
    for (beamSize, alpha) in settings {
      var best = Double.infinity, translations: [[String]] = []
      for _ in 0..<max(rounds, 1) {
        let start = ContinuousClock.now
        translations = try sources.map { try translate($0, beamSize, alpha) }
        let d = ContinuousClock.now - start
        best = min(best, Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
      }
      let scores = zip(translations, references).map { bleu($0, $1) }
      let reference = baseline ?? results.first?.translations ?? translations
      results.append(BeamMeasurement(
        beamSize: beamSize, alpha: alpha, translations: translations,
        meanBLEU: scores.reduce(0, +) / Double(max(scores.count, 1)),
        changed: zip(translations, reference).filter { $0 != $1 }.count,
        secondsPerSentence: best / Double(max(sources.count, 1))))
    }
    return results
  }
}
