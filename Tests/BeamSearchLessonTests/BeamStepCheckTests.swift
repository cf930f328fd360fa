import D2L
import Foundation
import Testing
import ExerciseChecks
@testable import BeamSearchChecks

/// beam-search's exercise 1: the checker passes a right beam step and refuses the usual wrong
/// ones, each with its own hint. (The shipped starter and solution are run by
/// `lessons author check`, which builds the learner's package.)
@Suite struct BeamStepCheckTests {
  enum Mistake: CaseIterable {
    case kPerParent, notSummed, extendsFinished, normalisedEachStep
  }

  /// A beam step written apart from the library's, with one mistake or none.
  static func step(_ mistake: Mistake?, alpha: Double = 0.75) -> BeamStepFunction {
    { beam, rows, k, eos in
      func extend(_ i: Int) -> [BeamEntry] {
        let parent = beam[i]
        if parent.finished && mistake != .extendsFinished { return [parent] }
        return rows[i].enumerated().map { v, logP in
          BeamEntry(tokens: parent.tokens + [v], logProbability: mistake == .notSummed ? logP : parent.logProbability + logP,
                    finished: v == eos)
        }
      }
      func best(_ candidates: [BeamEntry]) -> [BeamEntry] {
        let key: (BeamEntry) -> Double = { mistake == .normalisedEachStep ? $0.score(alpha: alpha) : $0.logProbability }
        let order = candidates.indices.sorted { a, b in
          key(candidates[a]) != key(candidates[b]) ? key(candidates[a]) > key(candidates[b]) : a < b
        }
        return order.prefix(k).map { candidates[$0] }
      }
      if mistake == .kPerParent { return beam.indices.flatMap { best(extend($0)) } }
      return best(beam.indices.flatMap(extend))
    }
  }

  @Test func aRightStepPasses() {
    let rows = BeamStepCheck.cases.map { BeamStepCheck.check($0, Self.step(nil)) }
    #expect(rows.allPassed, "\(BeamStepCheck.report(rows))")
    #expect(BeamStepCheck.run(LibraryStep.self).allPassed)
  }

  @Test(arguments: [
    (Mistake.kPerParent, "not k from each parent"),
    (.notSummed, "sum over its tokens"),
    (.extendsFinished, "never extended"),
    (.normalisedEachStep, "length penalty is applied once"),
  ])
  func aWrongStepIsRefusedWithItsHint(mistake: Mistake, hint: String) {
    setenv("LESSONS_LANG", "en", 1)
    let rows = BeamStepCheck.cases.map { BeamStepCheck.check($0, Self.step(mistake)) }
    #expect(!rows.allPassed, "\(mistake) passed")
    #expect(rows.contains { !$0.passed && $0.detail.contains(hint) }, "\(BeamStepCheck.report(rows))")
  }

  /// The starter's shape: nothing kept.
  @Test func anEmptyStepIsRefused() {
    let rows = BeamStepCheck.cases.map { BeamStepCheck.check($0, { _, _, _, _ in [] }) }
    #expect(rows.allSatisfy { !$0.passed })
  }

  enum LibraryStep: BeamStepExercise {
    static func keepBest(_ beam: [BeamEntry], _ rows: [[Double]], _ k: Int, _ eos: Int?) -> [BeamEntry] {
      BeamStep.keepBest(beam, rows, k, eos)
    }
  }
}
