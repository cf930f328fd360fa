import D2L
import Foundation

/// How well a model's output at step t predicts the character at step t + 1: the share it gets
/// right (greedy) and the perplexity, over every step of a set of sequences.
public struct NextCharacterScore: Equatable, Sendable {
  /// Correct greedy predictions / predictions.
  public var accuracy: Double
  /// exp(mean cross-entropy).
  public var perplexity: Double
  public var predictions: Int

  /// Scores the logits (T·B, V) of time-major sequences against their next characters
  /// (`targets[t·B + b]`).
  init(logitRows: [(row: [Float], target: Int)]) {
    var correct = 0, loss = 0.0
    for (row, target) in logitRows {
      let best = row.indices.max { row[$0] < row[$1] }!
      if best == target { correct += 1 }
      let top = Double(row[best])
      let logSum = top + Foundation.log(row.reduce(0.0) { $0 + exp(Double($1) - top) })
      loss += logSum - Double(row[target])
    }
    predictions = logitRows.count
    accuracy = Double(correct) / Double(max(predictions, 1))
    perplexity = exp(loss / Double(max(predictions, 1)))
  }

  /// The model reads each whole sequence, the characters after step t included.
  public static func withFuture(_ model: RNNModel, sequences: [[Int]]) -> NextCharacterScore {
    let (T, B) = (sequences[0].count - 1, sequences.count)
    let logits = forward(model, sequences.map { Array($0.prefix(T)) })
    let V = model.vocabSize
    return NextCharacterScore(logitRows: (0..<T).flatMap { t in
      (0..<B).map { b in (Array(logits[((t * B + b) * V)..<((t * B + b + 1) * V)]), sequences[b][t + 1]) }
    })
  }

  /// For each step t, the model reads the sequence up to t and then only `filler` tokens (the
  /// future unknown), and its output at t is scored.
  public static func withoutFuture(_ model: RNNModel, sequences: [[Int]], filler: Int = Vocab.unknownIndex) -> NextCharacterScore {
    let (T, B) = (sequences[0].count - 1, sequences.count)
    let V = model.vocabSize
    var rows: [(row: [Float], target: Int)] = []
    for t in 0..<T {
      let masked = sequences.map { s in (0..<T).map { $0 <= t ? s[$0] : filler } }
      let logits = forward(model, masked)
      for b in 0..<B { rows.append((Array(logits[((t * B + b) * V)..<((t * B + b + 1) * V)]), sequences[b][t + 1])) }
    }
    return NextCharacterScore(logitRows: rows)
  }

  /// The logits' values (T·B, V), time-major, of B sequences of T tokens.
  static func forward(_ model: RNNModel, _ sequences: [[Int]]) -> [Float] {
    let (T, B) = (sequences[0].count, sequences.count)
    let tokens = (0..<T).flatMap { t in (0..<B).map { Int32(sequences[$0][t]) } }
    return withoutGradients { model(timeMajorTokens: tokens, steps: T, batch: B).logits.scalars }
  }
}
