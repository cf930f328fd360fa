import D2L

// What the exercises' checkers share: the weights they give an answer and the reference, and
// how many rows read as one.

/// One layer's weights in the scratch layout (W_xh (in, H), W_hh (H, H)). The concise API holds
/// their transposes and two biases whose sum is the scratch layer's b_h.
public struct LayerWeights {
  public let W_xh: Tensor  // (in, H)
  public let W_hh: Tensor  // (H, H)
  public let b_ih: Tensor  // (H)
  public let b_hh: Tensor  // (H)
  public var b_h: Tensor { withoutGradients { b_ih + b_hh } }

  public init(W_xh: Tensor, W_hh: Tensor, b_ih: Tensor, b_hh: Tensor) {
    self.W_xh = W_xh
    self.W_hh = W_hh
    self.b_ih = b_ih
    self.b_hh = b_hh
  }
}

/// Writes `values` into the parameter `p` in place (the shapes must already agree).
public func overwrite(_ p: Tensor, with values: Tensor) {
  precondition(p.count == values.count, "overwrite: \(Tensor.describe(p.shape)) vs \(Tensor.describe(values.shape))")
  p.storage.base.update(from: values.storage.base, count: p.count)
}

extension CheckResult {
  /// Many rows as one: OK when all are; otherwise the failures already `shown` above by topic
  /// only, and the first two new ones in full.
  public static func condense(_ rows: [CheckResult], name: String, shown: Set<String>) -> CheckResult {
    let failing = rows.filter { !$0.passed }
    guard !failing.isEmpty else {
      return CheckResult(name: name, passed: true, maxDifference: rows.compactMap(\.maxDifference).max())
    }
    let old = failing.filter { shown.contains($0.topic) }, new = failing.filter { !shown.contains($0.topic) }
    var lines: [String] = []
    if !old.isEmpty { lines.append(ct("asAbove") + old.map(\.topic).joined(separator: ", ")) }
    for row in new.prefix(2) {
      lines.append(row.topic + ":")
      lines += row.detail.split(separator: "\n").map { "  " + $0 }
    }
    if new.count > 2 { lines.append(ct("andAlso") + new.dropFirst(2).map(\.topic).joined(separator: ", ")) }
    return CheckResult(name: name, passed: false, detail: lines.joined(separator: "\n"))
  }
}
