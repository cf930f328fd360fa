/// Splitting a token sequence into training text and held-out text for measuring
/// generalisation: the held-out part is the *end* of the sequence, so the two never overlap
/// and the held-out text is one contiguous passage the model has not seen.

/// The number of elements `splitForHeldOut` holds out of `count`: `count * heldOutFraction`
/// rounded to the nearest integer.
public func heldOutCount(count: Int, heldOutFraction: Double) -> Int {
  check((0...1).contains(heldOutFraction), "heldOutFraction must be in 0...1, got \(heldOutFraction)")
  return min(count, max(0, Int((Double(count) * heldOutFraction).rounded())))
}

/// `tokens` split into a training part (the beginning) and a held-out part (the last
/// `heldOutCount(count:heldOutFraction:)` elements); together they are exactly `tokens`.
public func splitForHeldOut<Element>(
  tokens: [Element], heldOutFraction: Double
) -> (train: [Element], heldOut: [Element]) {
  let split = tokens.count - heldOutCount(count: tokens.count, heldOutFraction: heldOutFraction)
  return (Array(tokens[..<split]), Array(tokens[split...]))
}
