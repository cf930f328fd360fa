/// Rows of token indices of equal length, (batch, steps) row-major: what D2L's translation
/// minibatches hold (`X`, `Y`) and what an encoder or decoder reads.
public struct TokenSequences: Sendable, Equatable {
  /// Token indices, row-major (batch, steps).
  public var tokens: [Int32]
  /// The number of rows (sequences).
  public let batch: Int
  /// The tokens per row.
  public let steps: Int

  /// Sequences from row-major `tokens` of `batch * steps` indices.
  public init(_ tokens: [Int32], batch: Int, steps: Int) {
    check(tokens.count == batch * steps, "\(tokens.count) tokens do not fill (batch \(batch), steps \(steps))")
    (self.tokens, self.batch, self.steps) = (tokens, batch, steps)
  }

  /// Sequences from rows of equal length.
  public init(rows: [[Int]]) {
    let steps = rows.first?.count ?? 0
    check(rows.allSatisfy { $0.count == steps }, "TokenSequences: rows differ in length")
    self.init(rows.flatMap { $0.map { Int32($0) } }, batch: rows.count, steps: steps)
  }

  /// Row `b`.
  public func row(_ b: Int) -> ArraySlice<Int32> { tokens[(b * steps)..<((b + 1) * steps)] }

  /// The tokens time-major, (steps, batch): what a recurrent layer reads.
  public var timeMajor: [Int32] {
    var out = [Int32](repeating: 0, count: tokens.count)
    for b in 0..<batch { for t in 0..<steps { out[t * batch + b] = tokens[b * steps + t] } }
    return out
  }

  /// D2L's teacher forcing input: `<bos>` then each row without its last token
  /// (`concat([bos, Y[:, :-1]], 1)`).
  public func shiftedRight(startingWith bos: Int) -> TokenSequences {
    var out = [Int32](repeating: Int32(bos), count: tokens.count)
    for b in 0..<batch where steps > 1 {
      for t in 1..<steps { out[b * steps + t] = tokens[b * steps + t - 1] }
    }
    return TokenSequences(out, batch: batch, steps: steps)
  }
}
