import LessonEngine
import D2L
import Foundation

/// A held-out passage: the end of one book, never trained on.
public struct HeldOutPassage {
  public let title: String
  public let author: String
  public let tokens: [Int32]

  public init(_ split: BookSplit) {
    title = split.book.title
    author = split.book.author
    tokens = split.heldOut.map(Int32.init)
  }
}

/// Perplexity on held-out passages, each read from a zero state as one continuous text
/// (token t+1 predicted from tokens up to t), as `RNNModel.perplexity(ofChunks:)` does.
public enum HeldOutEvaluation {
  /// What a model scored on one passage.
  public struct Score {
    public let passage: HeldOutPassage
    /// Σ −log p over the passage's predictions.
    public let negativeLogLikelihood: Double
    public let predictions: Int
    public var perplexity: Double { exp(negativeLogLikelihood / Double(max(predictions, 1))) }

    public init(passage: HeldOutPassage, negativeLogLikelihood: Double, predictions: Int) {
      self.passage = passage
      self.negativeLogLikelihood = negativeLogLikelihood
      self.predictions = predictions
    }
  }

  /// The perplexity over several scores together: exp of the mean loss over all their
  /// predictions (not the mean of the perplexities, which would overweight short passages).
  public static func perplexity(_ scores: [Score]) -> Double {
    let nll = scores.reduce(0) { $0 + $1.negativeLogLikelihood }
    return exp(nll / Double(max(scores.reduce(0) { $0 + $1.predictions }, 1)))
  }

  /// Scores `model` on every passage. Passages of the same length run side by side as one
  /// minibatch (they are independent sequences, each with its own zero state), so ten
  /// passages cost about as much as one: a step's GEMM reads the weights once for all rows.
  public static func scores(of model: RNNModel, on passages: [HeldOutPassage], chunkSteps: Int = 512) -> [Score] {
    var result = [Score?](repeating: nil, count: passages.count)
    let byLength = Dictionary(grouping: passages.indices.filter { passages[$0].tokens.count >= 2 }) { passages[$0].tokens.count }
    for (length, members) in byLength.sorted(by: { $0.key < $1.key }) {
      let losses = batchLosses(of: model, rows: members.map { passages[$0].tokens }, length: length, chunkSteps: chunkSteps)
      for (row, index) in members.enumerated() {
        result[index] = Score(passage: passages[index], negativeLogLikelihood: losses[row], predictions: length - 1)
      }
    }
    return passages.indices.map { result[$0] ?? Score(passage: passages[$0], negativeLogLikelihood: 0, predictions: 0) }
  }

  /// Σ −log p per row for `rows` (all `length` tokens long), run in chunks with the state carried.
  private static func batchLosses(of model: RNNModel, rows: [[Int32]], length: Int, chunkSteps: Int) -> [Double] {
    let batch = rows.count
    var losses = [Double](repeating: 0, count: batch)
    withoutGradients {
      var state = model.beginState(batchSize: batch)
      var start = 0
      while start < length - 1 {
        let steps = min(chunkSteps, length - 1 - start)
        // Time-major: the input at (t, b) is row b's token start + t; its target is the next one.
        var inputs = [Int32](repeating: 0, count: steps * batch)
        for t in 0..<steps { for b in 0..<batch { inputs[t * batch + b] = rows[b][start + t] } }
        let (logits, next) = model(timeMajorTokens: inputs, steps: steps, batch: batch, state: state)
        state = next
        let v = model.vocabSize
        withExtendedLifetime(logits) {
          let z = logits.storage.buffer
          for t in 0..<steps {
            for b in 0..<batch {
              let row = z[((t * batch + b) * v)..<((t * batch + b + 1) * v)]
              let target = Int(rows[b][start + t + 1])
              // −log softmax(z)[target] = logsumexp(z) − z[target], shifted by the max for safety.
              let top = row.max()!
              let sum = row.reduce(Float(0)) { $0 + expf($1 - top) }
              losses[b] += Double(logf(sum) + top - row[row.startIndex + target])
            }
          }
        }
        start += steps
      }
    }
    return losses
  }
}
