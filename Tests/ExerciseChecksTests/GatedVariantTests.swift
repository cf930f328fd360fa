import Foundation
import Testing
@testable import D2L
@testable import ExerciseChecks

/// The GRU and LSTM lessons' exercise 4: the checker passes the shipped solutions, fails the
/// shipped starters, and refuses the classic wrong answers (a gate on the wrong term, `1 - Z`
/// swapped for `Z`, a bias left out, the cell's tanh kept, ...).
@Suite(.serialized) struct GatedVariantTests {
  static func failures(_ rows: [CheckResult]) -> String {
    rows.filter { !$0.passed }.map(\.description).joined(separator: "\n")
  }

  @Test func gruSolutionPasses() {
    let rows = PartialGRUCheck.run(ShippedPartialGRU.self)
    #expect(rows.allPassed, "\(Self.failures(rows))")
    #expect(rows.count == 6)  // per variant: shapes, states, gradients
  }

  @Test func gruStarterFails() {
    let rows = PartialGRUCheck.run(StarterPartialGRU.self)
    #expect(!rows.allPassed)
    #expect(rows.filter { !$0.passed }.count >= 4, "\(Self.failures(rows))")
  }

  @Test func lstmSolutionPasses() {
    let rows = NoTanhLSTMCheck.run(ShippedNoTanhLSTM.self)
    #expect(rows.allPassed, "\(Self.failures(rows))")
    #expect(rows.count == 4)  // shapes, H_t, C_t, gradients
  }

  @Test func lstmStarterFails() {
    let rows = NoTanhLSTMCheck.run(StarterNoTanhLSTM.self)
    #expect(rows.filter { !$0.passed }.count >= 2, "\(Self.failures(rows))")
  }

  @Test(arguments: WrongGRU.Mistake.allCases)
  func wrongGRUsAreRefused(mistake: WrongGRU.Mistake) {
    WrongGRU.mistake = mistake
    let rows = PartialGRUCheck.run(WrongGRU.self)
    #expect(!rows.allPassed, "\(mistake) passed")
    #expect(rows.contains { !$0.passed && $0.name.contains(mistake.variant) }, "\(mistake): \(Self.failures(rows))")
  }

  @Test(arguments: WrongLSTM.Mistake.allCases)
  func wrongLSTMsAreRefused(mistake: WrongLSTM.Mistake) {
    WrongLSTM.mistake = mistake
    #expect(!NoTanhLSTMCheck.run(WrongLSTM.self).allPassed, "\(mistake) passed")
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
    let rows = PartialGRUCheck.run(StarterPartialGRU.self)
    #expect(rows.contains { $0.name.contains("giống bản tham chiếu") })
  }

  // MARK: - The shipped files

  @Test(arguments: [
    ("GRU SOLUTION", "Solutions/GRUExercise4/PartialGRU.swift", "public enum PartialGRU:", "public enum ShippedPartialGRU:"),
    ("GRU STARTER", "Starters/GRUExercise4/PartialGRU.swift", "public enum PartialGRU:", "public enum StarterPartialGRU:"),
    ("LSTM SOLUTION", "Solutions/LSTMExercise4/NoTanhLSTM.swift", "public enum NoTanhLSTM:", "public enum ShippedNoTanhLSTM:"),
    ("LSTM STARTER", "Starters/LSTMExercise4/NoTanhLSTM.swift", "public enum NoTanhLSTM:", "public enum StarterNoTanhLSTM:"),
  ])
  func copiesMatchTheShippedFiles(marker: String, path: String, declaration: String, renamed: String) throws {
    let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    let root = here.deletingLastPathComponent().deletingLastPathComponent()
    let shipped = try String(contentsOf: root.appendingPathComponent("exercises/\(path)"), encoding: .utf8)
    let copies = try String(contentsOf: here.appendingPathComponent("ShippedGatedAnswers.swift"), encoding: .utf8)
    let copy = try #require(copies.components(separatedBy: "// BEGIN \(marker) COPY\n").dropFirst().first?
      .components(separatedBy: "\n// END \(marker) COPY").first)
    let expected = shipped.replacingOccurrences(of: "import D2L\nimport ExerciseChecks\n\n", with: "")
      .replacingOccurrences(of: declaration, with: renamed).trimmingCharacters(in: .newlines)
    #expect(copy == expected, "exercises/\(path) changed: copy it between the markers in ShippedGatedAnswers.swift")
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
    default: return ShippedPartialGRU.resetOnlyStep(gru, X: X, H: H)
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
    default: return ShippedPartialGRU.updateOnlyStep(gru, X: X, H: H)
    }
  }
}

/// The LSTM solution with one mistake switched on.
enum WrongLSTM: NoTanhLSTMExercise {
  enum Mistake: String, CaseIterable, Sendable {
    case tanhKept, forgetOnTheCandidate, inputGateWithoutBias, outputGateLeftOut, candidateWithoutTanh
  }
  nonisolated(unsafe) static var mistake = Mistake.tanhKept

  static func noTanhStep(_ lstm: LSTMScratch, X: Tensor, H: Tensor, C: Tensor) -> (H: Tensor, C: Tensor) {
    let I = (X.matmul(lstm.W_xi) + H.matmul(lstm.W_hi) + (mistake == .inputGateWithoutBias ? Tensor(0) : lstm.b_i)).sigmoid()
    let F = (X.matmul(lstm.W_xf) + H.matmul(lstm.W_hf) + lstm.b_f).sigmoid()
    let O = (X.matmul(lstm.W_xo) + H.matmul(lstm.W_ho) + lstm.b_o).sigmoid()
    let pre = X.matmul(lstm.W_xc) + H.matmul(lstm.W_hc) + lstm.b_c
    let C_tilde = mistake == .candidateWithoutTanh ? pre : pre.tanh()
    let C_t = mistake == .forgetOnTheCandidate ? F * C_tilde + I * C : F * C + I * C_tilde
    switch mistake {
    case .tanhKept: return (O * C_t.tanh(), C_t)
    case .outputGateLeftOut: return (C_t, C_t)
    default: return (O * C_t, C_t)
    }
  }
}
