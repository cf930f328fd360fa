import D2L
import Foundation

/// How far an answer's tensor is from the expected one. A wrong shape is a finding (reported
/// with both shapes), never a trap, so that a checker survives any wrong answer.
public struct TensorComparison {
  public let got: Tensor
  public let expected: Tensor
  /// The largest |got - expected|; infinity when the shapes differ or a value is not finite.
  public let maxDifference: Float
  /// The flat index of the largest difference, when the shapes agree.
  public let worstIndex: Int?
  /// The allowed difference: 1e-5, relative to the expected values' magnitude above 1.
  public let tolerance: Float

  public init(got: Tensor, expected: Tensor) {
    self.got = got
    self.expected = expected
    let scale = max(1, expected.scalars.lazy.map(abs).max() ?? 0)
    tolerance = 1e-5 * scale
    guard got.shape == expected.shape else {
      maxDifference = .infinity
      worstIndex = nil
      return
    }
    var worst: Float = 0, at = 0
    for (i, (a, b)) in zip(got.scalars, expected.scalars).enumerated() {
      let d = abs(a - b)
      guard d.isFinite else { worst = .infinity; at = i; break }
      if d > worst { worst = d; at = i }
    }
    maxDifference = worst
    worstIndex = got.count > 0 ? at : nil
  }

  public var shapesMatch: Bool { got.shape == expected.shape }
  public var passed: Bool { shapesMatch && maxDifference <= tolerance }

  /// Expected vs got, llm.c style, for the row (last axis) holding the largest difference:
  ///
  ///     shape (5, 3, 4) as expected; max |difference| 3.10e-01 at t = 2, batch 1
  ///       expected [ 0.1234 -0.5678  0.0012  0.9000]
  ///       got      [ 0.1234 -0.2000  0.0012  0.9000]
  ///
  /// - Parameter axes: how to name the leading axes, e.g. `["t", "batch"]` (t counted from 1).
  public func mismatch(axes: [String]) -> String {
    guard shapesMatch else {
      return ct("shape", ["expected": Tensor.describe(expected.shape), "got": Tensor.describe(got.shape)])
    }
    guard let worstIndex else { return ct("empty") }
    let width = expected.shape.last ?? 1
    let row = worstIndex / max(width, 1)
    var position: [String] = [], rest = row
    for (axis, size) in zip(axes, expected.shape.dropLast()).reversed() {
      let i = rest % size
      rest /= size
      position.insert("\(axis) = \(axis == "t" ? i + 1 : i)", at: 0)
    }
    let place = position.isEmpty ? "" : ct("at") + position.joined(separator: ", ")
    let range = (row * width)..<(row * width + width)
    // `expected` and `got` padded to one width, so that the two rows of values line up.
    let labels = [ct("expected"), ct("got")]
    let pad = labels.map(\.count).max() ?? 0
    let (e, g) = (labels[0].padding(toLength: pad, withPad: " ", startingAt: 0), labels[1].padding(toLength: pad, withPad: " ", startingAt: 0))
    return ct("maxDifference", ["difference": CheckResult.format(maxDifference), "place": place]) + """

        \(e) \(Self.values(Array(expected.scalars[range])))
        \(g) \(Self.values(Array(got.scalars[range])))
      """
  }

  /// Up to 8 values with 4 decimals, `…` when there are more.
  public static func values(_ v: [Float]) -> String {
    let shown = v.prefix(8).map { $0.isFinite ? String(format: "%7.4f", Double($0)) : "\($0)" }
    return "[" + shown.joined(separator: " ") + (v.count > 8 ? " …" : "") + "]"
  }
}
