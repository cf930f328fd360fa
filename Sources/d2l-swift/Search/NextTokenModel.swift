import Foundation

/// What every search needs from a model: the log-probabilities of the next token from a state,
/// and the state after a token. The character `RNNModel` and the seq2seq decoder both fit, and
/// so does a table of probabilities (`PrefixTableModel`), which is how the book's worked
/// example runs.
///
/// A state holds what the model has read so far *and* its prediction for the next token, so
/// that a search asks for log-probabilities without calling the network again, and calls it once
/// per token it keeps (`state(after:in:)`).
public protocol NextTokenModel {
  /// What the model has read so far, with its prediction for the next token. (Not `State`:
  /// the seq2seq decoder already has a `State`, its recurrent state.)
  associatedtype SearchState
  /// |𝒴|, the number of tokens the model predicts over.
  var vocabularySize: Int { get }
  /// log P(y | what the state has read), one value per token of the vocabulary.
  func logProbabilities(in state: SearchState) -> [Double]
  /// The state after reading `token` on top of `state`.
  func state(after token: Int, in state: SearchState) -> SearchState
}

extension Array where Element == Double {
  /// The log-softmax of logits, in Double: log-probabilities that sum (as probabilities) to 1.
  public static func logSoftmax<C: Collection>(_ logits: C) -> [Double] where C.Element == Float {
    let maxLogit = Double(logits.max() ?? 0)
    let logSum = Foundation.log(logits.reduce(0.0) { $0 + Foundation.exp(Double($1) - maxLogit) })
    return logits.map { Double($0) - maxLogit - logSum }
  }
}
