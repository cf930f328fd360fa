import D2L
import ExerciseChecks
import Foundation

/// Verifies an answer to beam-search's exercise 1 (the beam step) against the library's
/// `BeamStep.keepBest`: the whole beam search is run with the answer's step on the book's
/// example, seeded tables and a seeded character model, and at every step the hypotheses it
/// keeps are compared with what the library's step keeps from the same beam; then the final
/// outputs. One row per case: `OK`, or `NOT OK` with the first step that differs, expected vs
/// got, and for the usual mistakes what is wrong (k per parent, log P not summed, a finished
/// hypothesis extended, the length penalty applied while ranking).
public enum BeamStepCheck {
  /// One search the answer's step must reproduce.
  struct Case {
    let name: String
    let beamSize: Int
    let settings: SearchSettings
    let run: (_ step: @escaping BeamStepFunction) throws -> SearchResult
  }

  static var cases: [Case] {
    let book = PrefixTableModel.bookExample
    let bookSettings = SearchSettings(maxLength: 4, eos: PrefixTableModel.bookExampleEOS)
    var list = [Case(name: zt("case.book"), beamSize: 2, settings: bookSettings) {
      try book.beamSearch(from: book.start, beamSize: 2, settings: bookSettings, step: $0)
    }]
    for (k, alpha, seed) in [(1, 0.75, 301), (3, 0.75, 302), (4, 1.0, 303), (5, 0.5, 304)] as [(Int, Double, UInt64)] {
      let table = PrefixTableModel.seeded(vocabularySize: 5, depth: 7, eosWeight: 2.5, seed: seed)
      let settings = SearchSettings(maxLength: 7, eos: 4, alpha: alpha)
      list.append(Case(name: zt("case.table", ["k": k, "alpha": alpha, "seed": seed]), beamSize: k, settings: settings) {
        try table.beamSearch(from: table.start, beamSize: k, settings: settings, step: $0)
      })
    }
    var g = RandomGenerator(seed: 305)
    let vocab = Vocab(tokens: Array("the time machine").map(String.init))
    let model = RNNModel(kind: .gru, vocabSize: vocab.count, hiddenSize: 12, numLayers: 1, using: &g)
    let start = model.searchStart(prefix: "the ", vocab: vocab)
    let settings = SearchSettings(maxLength: 8, eos: vocab[" "], alpha: 0.75)
    list.append(Case(name: zt("case.char", ["k": 3]), beamSize: 3, settings: settings) {
      try model.beamSearch(from: start, beamSize: 3, settings: settings, step: $0)
    })
    return list
  }

  /// Runs every case with `type`'s step and returns the rows in order; `onResult` sees each row
  /// as soon as it is known.
  public static func run<Answer: BeamStepExercise>(
    _ type: Answer.Type, onResult: (CheckResult) -> Void = { _ in }
  ) -> [CheckResult] {
    cases.map { c in
      let row = check(c, Answer.keepBest)
      onResult(row)
      return row
    }
  }

  /// One case: the answer's search beside the library's, step by step, then the outputs.
  static func check(_ c: Case, _ answer: @escaping BeamStepFunction) -> CheckResult {
    var firstDifference: String?
    var step = 0
    let watched: BeamStepFunction = { beam, rows, k, eos in
      step += 1
      let got = answer(beam, rows, k, eos), expected = BeamStep.keepBest(beam, rows, k, eos)
      if firstDifference == nil, !sameBeam(got, expected) {
        firstDifference = describe(step: step, beam: beam, rows: rows, got: got, expected: expected, c.settings)
      }
      return got
    }
    let name = zt("row", ["case": c.name])
    do {
      let got = try c.run(watched), expected = try c.run(BeamStep.keepBest)
      if let firstDifference { return CheckResult(name: name, passed: false, detail: firstDifference) }
      guard got.tokens == expected.tokens, abs(got.score - expected.score) <= 1e-9 else {
        return CheckResult(name: name, passed: false, detail: zt("output", ["expected": "\(expected)", "got": "\(got)"]))
      }
      return CheckResult(name: name, passed: true)
    } catch {
      return CheckResult(name: name, passed: false, detail: firstDifference ?? "\(error)")
    }
  }

  /// The same hypotheses (in any order), log P within 1e-9.
  static func sameBeam(_ a: [BeamEntry], _ b: [BeamEntry]) -> Bool {
    guard a.count == b.count else { return false }
    let sa = a.sorted { $0.tokens.lexicographicallyPrecedes($1.tokens) }
    let sb = b.sorted { $0.tokens.lexicographicallyPrecedes($1.tokens) }
    return zip(sa, sb).allSatisfy { x, y in
      x.tokens == y.tokens && x.finished == y.finished
        && (x.logProbability == y.logProbability || abs(x.logProbability - y.logProbability) <= 1e-9)
    }
  }

  /// Expected vs got at the first step that differs, and what the difference looks like.
  static func describe(
    step: Int, beam: [BeamEntry], rows: [[Double]], got: [BeamEntry], expected: [BeamEntry], _ settings: SearchSettings
  ) -> String {
    let lines = [
      zt("step", ["step": step, "k": expected.count]),
      "  " + zt("beam") + " " + show(beam),
      "  " + zt("expected") + " " + show(expected),
      "  " + zt("got") + " " + show(got),
    ]
    return (lines + [zt("hint") + " " + diagnose(beam: beam, rows: rows, got: got, expected: expected, settings)])
      .joined(separator: "\n")
  }

  /// `[0, 2] log P -1.2040 (ended); …`, four decimals: enough to tell the mistakes apart.
  static func show(_ entries: [BeamEntry]) -> String {
    guard !entries.isEmpty else { return "—" }
    return entries.map { "\($0.tokens) \(String(format: "%.4f", $0.logProbability))\($0.finished ? " <eos>" : "")" }
      .joined(separator: "; ")
  }

  /// The usual mistakes, recognised from what was kept.
  static func diagnose(beam: [BeamEntry], rows: [[Double]], got: [BeamEntry], expected: [BeamEntry], _ settings: SearchSettings) -> String {
    let k = max(expected.count, 1)
    if got.count > k { return zt("mistake.perParent", ["count": got.count, "k": k]) }
    var parents: [[Int]: (BeamEntry, [Double])] = [:]
    for (entry, row) in zip(beam, rows) { parents[entry.tokens] = (entry, row) }
    for entry in got {
      if let (same, _) = parents[entry.tokens], same.finished { continue }
      guard let (parent, row) = parents[Array(entry.tokens.dropLast())], let token = entry.tokens.last else {
        return zt("mistake.stranger", ["tokens": "\(entry.tokens)"])
      }
      if parent.finished { return zt("mistake.extendedFinished", ["tokens": "\(parent.tokens)"]) }
      let sum = parent.logProbability + row[token]
      if abs(entry.logProbability - sum) > 1e-9 {
        return zt("mistake.notSummed", ["tokens": "\(entry.tokens)", "got": entry.logProbability, "expected": sum])
      }
      if entry.finished != (token == settings.eos) { return zt("mistake.finished", ["tokens": "\(entry.tokens)"]) }
    }
    let byScore = BeamStep.candidates(beam, rows, settings.eos)
      .sorted { $0.score(alpha: settings.alpha) > $1.score(alpha: settings.alpha) }.prefix(k)
    if sameBeam(got, Array(byScore)) { return zt("mistake.normalised") }
    if got.count < k { return zt("mistake.tooFew", ["count": got.count, "k": k]) }
    return zt("mistake.notBest")
  }

  /// The rows as a report: one per line (details indented), then the summary.
  public static func report(_ rows: [CheckResult]) -> String {
    (rows.map(\.description) + ["", rows.summary]).joined(separator: "\n")
  }
}
