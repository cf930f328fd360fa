import Foundation
import Testing
@testable import D2L
import ExerciseChecks
@testable import GRUChecks
import GRUExercise4Solution
import GRUExercise4Starter

/// Exercise 4 of the GRU lesson: the checker passes the shipped solution, fails the shipped
/// starter, and refuses the classic wrong answers (a gate on the wrong term, `1 - Z` swapped for
/// `Z`, a bias left out, a gate the variant lacks, ...).
@Suite(.serialized) struct Exercise4Tests {
  static func failures(_ rows: [CheckResult]) -> String {
    rows.filter { !$0.passed }.map(\.description).joined(separator: "\n")
  }

  @Test func gruSolutionPasses() {
    let rows = PartialGRUCheck.run(GRUExercise4Solution.PartialGRU.self)
    #expect(rows.allPassed, "\(Self.failures(rows))")
    #expect(rows.count == 6)  // per variant: shapes, states, gradients
  }

  @Test func gruStarterFails() {
    let rows = PartialGRUCheck.run(GRUExercise4Starter.PartialGRU.self)
    #expect(!rows.allPassed)
    #expect(rows.filter { !$0.passed }.count >= 4, "\(Self.failures(rows))")
  }

  @Test(arguments: WrongGRU.Mistake.allCases)
  func wrongGRUsAreRefused(mistake: WrongGRU.Mistake) {
    WrongGRU.mistake = mistake
    let rows = PartialGRUCheck.run(WrongGRU.self)
    #expect(!rows.allPassed, "\(mistake) passed")
    #expect(rows.contains { !$0.passed && $0.name.contains(mistake.variant) }, "\(mistake): \(Self.failures(rows))")
  }

  /// A GRU using a weight its variant does not have is told so by name.
  @Test func anUnusedWeightIsNamed() {
    WrongGRU.mistake = .resetOnlyKeepsUpdateGate
    let rows = PartialGRUCheck.run(WrongGRU.self)
    #expect(rows.contains { !$0.passed && $0.detail.contains("W_xz: this variant does not use it") }, "\(Self.failures(rows))")
  }

  @Test func rowsAreInVietnameseWhenAsked() {
    setenv("LESSONS_LANG", "vi", 1)
    defer { unsetenv("LESSONS_LANG") }
    let rows = PartialGRUCheck.run(GRUExercise4Starter.PartialGRU.self)
    #expect(rows.contains { $0.name.contains("giống bản tham chiếu") })
  }
}

// MARK: - Wrong answers

/// The GRU solution with one mistake switched on.
enum WrongGRU: PartialGRUExercise {
  enum Mistake: String, CaseIterable, Sendable {
    // reset-only
    case resetOnWrongTerm, resetOnlyWithoutBias, resetOnlyKeepsUpdateGate, resetOnlySigmoidCandidate
    // update-only
    case oneMinusZSwapped, updateOnlyWithoutBias, updateOnWrongTerm, updateOnlyKeepsResetGate

    var variant: String { rawValue.hasPrefix("reset") ? "resetOnly" : "updateOnly" }
  }
  nonisolated(unsafe) static var mistake = Mistake.resetOnWrongTerm

  static func resetOnlyStep(_ gru: GRUScratch, X: Tensor, H: Tensor) -> Tensor {
    let R = (X.matmul(gru.W_xr) + H.matmul(gru.W_hr) + gru.b_r).sigmoid()
    switch mistake {
    case .resetOnWrongTerm: return ((R * X.matmul(gru.W_xh)) + H.matmul(gru.W_hh) + gru.b_h).tanh()
    case .resetOnlyWithoutBias: return (X.matmul(gru.W_xh) + (R * H).matmul(gru.W_hh)).tanh()
    case .resetOnlyKeepsUpdateGate:
      let Z = (X.matmul(gru.W_xz) + H.matmul(gru.W_hz) + gru.b_z).sigmoid()
      let H_tilde = (X.matmul(gru.W_xh) + (R * H).matmul(gru.W_hh) + gru.b_h).tanh()
      return Z * H + (1 - Z) * H_tilde
    case .resetOnlySigmoidCandidate: return (X.matmul(gru.W_xh) + (R * H).matmul(gru.W_hh) + gru.b_h).sigmoid()
    default: return GRUExercise4Solution.PartialGRU.resetOnlyStep(gru, X: X, H: H)
    }
  }

  static func updateOnlyStep(_ gru: GRUScratch, X: Tensor, H: Tensor) -> Tensor {
    let Z = (X.matmul(gru.W_xz) + H.matmul(gru.W_hz) + gru.b_z).sigmoid()
    let H_tilde = (X.matmul(gru.W_xh) + H.matmul(gru.W_hh) + gru.b_h).tanh()
    switch mistake {
    case .oneMinusZSwapped: return (1 - Z) * H + Z * H_tilde
    case .updateOnlyWithoutBias:
      let Zb = (X.matmul(gru.W_xz) + H.matmul(gru.W_hz)).sigmoid()
      return Zb * H + (1 - Zb) * H_tilde
    case .updateOnWrongTerm: return Z * H_tilde + H
    case .updateOnlyKeepsResetGate:
      let R = (X.matmul(gru.W_xr) + H.matmul(gru.W_hr) + gru.b_r).sigmoid()
      let withReset = (X.matmul(gru.W_xh) + (R * H).matmul(gru.W_hh) + gru.b_h).tanh()
      return Z * H + (1 - Z) * withReset
    default: return GRUExercise4Solution.PartialGRU.updateOnlyStep(gru, X: X, H: H)
    }
  }
}

