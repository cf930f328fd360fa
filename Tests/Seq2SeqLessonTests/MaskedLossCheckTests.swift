import Foundation
import Testing
@testable import D2L
import ExerciseChecks
@testable import Seq2SeqChecks

/// seq2seq exercise 2's checker: it passes a right answer and names each usual wrong one. (That
/// the shipped starter fails and the solution passes is `lessons author check`'s.)
@Suite struct MaskedLossCheckTests {
  static func expectFailure<A: MaskedLossExercise>(
    _ answer: A.Type, saying message: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let rows = MaskedLossCheck.run(answer)
    #expect(!rows.allPassed, "a wrong answer passed", sourceLocation: sourceLocation)
    #expect(rows.contains { !$0.passed && $0.detail.contains(message) },
            "no NOT OK row says '\(message)':\n\(MaskedLossCheck.report(rows))", sourceLocation: sourceLocation)
  }

  @Test func rightAnswerPasses() {
    let rows = MaskedLossCheck.run(Answer<Right>.self)
    #expect(rows.allPassed, "\(MaskedLossCheck.report(rows))")
    #expect(rows.count == 8)
  }

  @Test func maskMistakesAreNamed() {
    Self.expectFailure(Answer<Unchanged>.self, saying: "X came back unchanged")
    Self.expectFailure(Answer<OneTooMany>.self, saying: "one step too many is kept")
    Self.expectFailure(Answer<IgnoresValue>.self, saying: "the masked entries are 0, not value")
  }

  @Test func lossMistakesAreNamed() {
    Self.expectFailure(Answer<NoMask>.self, saying: "these are the losses without the mask")
    Self.expectFailure(Answer<OneTooMany>.self, saying: "one step too many counts")
    Self.expectFailure(Answer<PerValid>.self, saying: "averages over each sequence's valid tokens")
    Self.expectFailure(Answer<Sum>.self, saying: "these are the sums over the steps")
    Self.expectFailure(Answer<MaskedScores>.self, saying: "the mask was applied to the scores")
  }

  @Test func aLossOffTheTapeIsNamed() {
    let rows = MaskedLossCheck.run(Answer<Detached>.self)
    // Its values are right; only the gradient rows fail.
    #expect(rows.filter { !$0.passed }.count == 2, "\(MaskedLossCheck.report(rows))")
    Self.expectFailure(Answer<Detached>.self, saying: "the loss does not depend on pred on the gradient tape")
  }
}

// MARK: - Answers, right and wrong: one implementation, one mistake each

enum Mistake { case none, unchanged, oneTooMany, ignoresValue, noMask, perValid, sum, maskedScores, detached }
protocol Variant { static var mistake: Mistake { get } }
enum Right: Variant { static let mistake = Mistake.none }
enum Unchanged: Variant { static let mistake = Mistake.unchanged }
enum OneTooMany: Variant { static let mistake = Mistake.oneTooMany }
enum IgnoresValue: Variant { static let mistake = Mistake.ignoresValue }
enum NoMask: Variant { static let mistake = Mistake.noMask }
enum PerValid: Variant { static let mistake = Mistake.perValid }
enum Sum: Variant { static let mistake = Mistake.sum }
enum MaskedScores: Variant { static let mistake = Mistake.maskedScores }
enum Detached: Variant { static let mistake = Mistake.detached }

struct Answer<V: Variant>: MaskedLossExercise {
  static func keep(_ shape: [Int], _ validLength: [Int]) -> Tensor {
    let (batch, steps) = (shape[0], shape[1])
    let inner = shape.reduce(1, *) / (batch * steps)
    let extra = V.mistake == .oneTooMany ? 1 : 0
    var v = [Float](repeating: 0, count: batch * steps * inner)
    for i in 0..<batch {
      for t in 0..<min(validLength[i] + extra, steps) { for k in 0..<inner { v[(i * steps + t) * inner + k] = 1 } }
    }
    return Tensor(shape: shape, v)
  }

  static func sequenceMask(_ X: Tensor, validLength: [Int], value: Float) -> Tensor {
    if V.mistake == .unchanged { return X }
    let mask = keep(X.shape, validLength)
    return X * mask + (Tensor.ones(X.shape) - mask) * (V.mistake == .ignoresValue ? 0 : value)
  }

  static func loss(_ pred: Tensor, labels: [Int], validLength: [Int]) -> Tensor {
    let (batch, steps, vocab) = (pred.shape[0], pred.shape[1], pred.shape[2])
    let weights = V.mistake == .noMask || V.mistake == .maskedScores ? Tensor.ones([batch, steps]) : keep([batch, steps], validLength)
    let scores = V.mistake == .maskedScores ? pred * keep([batch, steps, vocab], validLength) : pred
    let logProbabilities = scores - scores.exp().sum(alongAxis: 2, keepingAxis: true).log()
    let picked = (logProbabilities * Tensor.oneHot(labels, shape: [batch, steps], depth: vocab)).sum(alongAxis: 2)
    let masked = (-picked * weights).sum(alongAxis: 1)
    switch V.mistake {
    case .sum: return masked
    case .perValid: return masked / Tensor(shape: [batch], validLength.map { Float(max($0, 1)) })
    case .detached: return (masked / Float(steps)).detached()
    default: return masked / Float(steps)
    }
  }
}
