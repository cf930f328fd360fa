import Foundation
import Testing
@testable import D2L
import ExerciseChecks
@testable import LSTMChecks

/// Exercise 4 of the LSTM lesson: the checker passes the shipped solution, fails the shipped
/// starter, and refuses the classic wrong answers (the cell's tanh kept, the forget gate on the
/// candidate, a bias left out, the output gate left out, ...).
@Suite(.serialized) struct Exercise4Tests {
  static func failures(_ rows: [CheckResult]) -> String {
    rows.filter { !$0.passed }.map(\.description).joined(separator: "\n")
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

  @Test(arguments: WrongLSTM.Mistake.allCases)
  func wrongLSTMsAreRefused(mistake: WrongLSTM.Mistake) {
    WrongLSTM.mistake = mistake
    #expect(!NoTanhLSTMCheck.run(WrongLSTM.self).allPassed, "\(mistake) passed")
  }

  // MARK: - The shipped files

  @Test(arguments: [("LSTM SOLUTION", "Solution", "ShippedNoTanhLSTM"), ("LSTM STARTER", "Starter", "StarterNoTanhLSTM")])
  func copiesMatchTheShippedFiles(marker: String, folder: String, renamed: String) throws {
    let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    let root = here.deletingLastPathComponent().deletingLastPathComponent()
    let shipped = try String(contentsOf: root.appendingPathComponent("Sources/LSTMLesson/Exercises/4/\(folder)/NoTanhLSTM.swift"), encoding: .utf8)
    let copies = try String(contentsOf: here.appendingPathComponent("ShippedAnswers.swift"), encoding: .utf8)
    let copy = try #require(copies.components(separatedBy: "// BEGIN \(marker) COPY\n").dropFirst().first?
      .components(separatedBy: "\n// END \(marker) COPY").first)
    let expected = shipped.replacingOccurrences(of: "import D2L\nimport LSTMChecks\n\n", with: "")
      .replacingOccurrences(of: "public enum NoTanhLSTM:", with: "public enum \(renamed):").trimmingCharacters(in: .newlines)
    #expect(copy == expected, "Sources/LSTMLesson/Exercises/4/\(folder)/NoTanhLSTM.swift changed: copy it between the markers in ShippedAnswers.swift")
  }
}

// MARK: - Wrong answers

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
