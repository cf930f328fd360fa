import Foundation
import Testing
@testable import D2L

/// The cells' fast exp, tanh and sigmoid against libm, scalar and vector, over the range
/// activations take (and beyond, where they must saturate, not overflow).
@Suite struct VectorMathTests {
  static let inputs: [Float] = stride(from: -30, through: 30, by: 0.0137).map { Float($0) }
    + [-100, -88, -87.5, 0, 1e-6, -1e-6, 0.2999, 0.3001, 88, 100]

  func lanes(_ f: (CellVector) -> CellVector) -> [Float] {
    var out: [Float] = []
    var xs = Self.inputs
    let n = CellVector.scalarCount
    while xs.count % n != 0 { xs.append(0) }
    for i in stride(from: 0, to: xs.count, by: n) {
      let v = f(CellVector(xs[i..<(i + n)]))
      out += (0..<n).map { v[$0] }
    }
    return Array(out.prefix(Self.inputs.count))
  }

  @Test func expMatchesLibm() {
    let vector = lanes { $0.exp }
    for (k, x) in Self.inputs.enumerated() where x > -87 && x < 88 {
      let expected = Foundation.exp(Double(x))
      #expect(abs(Double(VectorMath.exp(x)) - expected) <= 4e-7 * expected, "scalar exp(\(x))")
      #expect(abs(Double(vector[k]) - expected) <= 4e-7 * expected, "vector exp(\(x)) = \(vector[k])")
    }
    #expect(VectorMath.exp(-100) >= 0 && VectorMath.exp(100).isFinite)
  }

  @Test func tanhAndSigmoidMatchLibm() {
    let tanhs = lanes { $0.tanh }, sigmoids = lanes { $0.sigmoid }
    for (k, x) in Self.inputs.enumerated() {
      let t = Foundation.tanh(Double(x)), s = 1 / (1 + Foundation.exp(-Double(x)))
      // Absolute 1e-7 plus a few ulp relative: tight enough that a wrong coefficient shows.
      #expect(abs(Double(VectorMath.tanh(x)) - t) <= 1e-7 + 3e-7 * abs(t), "scalar tanh(\(x))")
      #expect(abs(Double(tanhs[k]) - t) <= 1e-7 + 3e-7 * abs(t), "vector tanh(\(x)) = \(tanhs[k])")
      #expect(abs(Double(sigmoids[k]) - s) <= 1e-7 + 3e-7 * s, "vector sigmoid(\(x)) = \(sigmoids[k])")
    }
  }
}
