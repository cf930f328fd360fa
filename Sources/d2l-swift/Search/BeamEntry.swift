import Foundation

/// A hypothesis as a beam step sees it: tokens, log P, finished. (The search keeps each one's
/// model state beside it and finds it again by the tokens.)
public struct BeamEntry: Equatable, Sendable, CustomStringConvertible {
  public var tokens: [Int]
  public var logProbability: Double
  public var finished: Bool

  public init(tokens: [Int], logProbability: Double, finished: Bool) {
    self.tokens = tokens
    self.logProbability = logProbability
    self.finished = finished
  }

  /// The book's final score (1/L^α) log P, with L the number of tokens. Only the final choice
  /// uses it: within the beam, candidates are ranked by log P.
  public func score(alpha: Double) -> Double {
    tokens.isEmpty ? logProbability : logProbability / Foundation.pow(Double(tokens.count), alpha)
  }

  public var description: String { "\(tokens) \(logProbability)\(finished ? " ended" : "")" }
}

/// One step of beam search: from the k hypotheses kept so far and the model's next-token
/// log-probabilities for each, the k kept next. `logProbabilities[i]` belongs to `beam[i]`
/// (a finished entry has a row of the same width too, which must not be used).
public typealias BeamStepFunction =
  (_ beam: [BeamEntry], _ logProbabilities: [[Double]], _ beamSize: Int, _ eos: Int?) -> [BeamEntry]
