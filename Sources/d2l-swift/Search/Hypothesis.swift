import Foundation

/// A candidate output: the tokens appended so far, the sum of their log-probabilities, whether
/// it ended with <eos>, and the model's state after it.
public struct Hypothesis<State> {
  /// y₁ … y_L, the <eos> included when there is one.
  public var tokens: [Int]
  /// log P(y₁ … y_L) = Σ log P(y_t′ | y₁ … y_t′₋₁).
  public var logProbability: Double
  /// Ended with <eos>: nothing may be appended any more.
  public var finished: Bool
  public var state: State

  public init(tokens: [Int], logProbability: Double, finished: Bool, state: State) {
    self.tokens = tokens
    self.logProbability = logProbability
    self.finished = finished
    self.state = state
  }

  /// The same hypothesis without its state: what a beam step ranks.
  public var entry: BeamEntry { BeamEntry(tokens: tokens, logProbability: logProbability, finished: finished) }

  /// The book's final score (1/L^α) log P, with L the number of tokens.
  public func score(alpha: Double) -> Double { entry.score(alpha: alpha) }
}

/// The result of a search: the chosen output and its score, and how many times the model was
/// asked for the state after a token (the cost the book counts).
public struct SearchResult: Equatable, CustomStringConvertible {
  public var tokens: [Int]
  public var logProbability: Double
  public var finished: Bool
  /// (1/L^α) log P.
  public var score: Double
  /// Model steps taken (calls to `state(after:in:)`).
  public var modelSteps: Int

  public var probability: Double { Foundation.exp(logProbability) }

  public var description: String {
    "\(tokens) log P \(logProbability) score \(score)\(finished ? " (ended)" : "")"
  }
}

extension Hypothesis {
  func result(alpha: Double, modelSteps: Int) -> SearchResult {
    SearchResult(tokens: tokens, logProbability: logProbability, finished: finished,
                 score: score(alpha: alpha), modelSteps: modelSteps)
  }
}

/// The best of `candidates` by the final score; equal scores go to the first in token order,
/// so that every search breaks ties the same way.
func best<State>(_ candidates: [Hypothesis<State>], alpha: Double) -> Hypothesis<State>? {
  candidates.max { a, b in
    let sa = a.score(alpha: alpha), sb = b.score(alpha: alpha)
    return sa != sb ? sa < sb : b.tokens.lexicographicallyPrecedes(a.tokens)
  }
}
