import Foundation

/// The nonlinearities of the recurrent cells, over whole rows at once.
///
/// Gate activations are the other hot spot of training besides the GEMMs (about 1.4 million
/// per layer and minibatch for the chapter's LSTM), so they run over contiguous memory with a
/// vectorisable exp instead of one libm call per element.
enum VectorMath {
  /// e^x for x in Float range, as a polynomial on the reduced argument: x = n ln2 + r, |r| ≤ ln2/2,
  /// e^x = 2^n e^r. Relative error below 2e-7 (a few ulp), vectorised by the compiler.
  @inline(__always)
  static func exp(_ x: Float) -> Float {
    let clamped = min(max(x, -87.3), 88.7)
    let n = (clamped * 1.442_695_04).rounded(.toNearestOrEven)
    let r = clamped - n * 0.693_359_375 + n * 2.121_944_4e-4  // ln 2 in two parts (Cephes)
    // Taylor/minimax coefficients of e^r on [-ln2/2, ln2/2].
    var p: Float = 1.987_569_2e-4
    p = p * r + 1.398_2e-3
    p = p * r + 8.333_452e-3
    p = p * r + 4.166_579_6e-2
    p = p * r + 0.166_666_66
    p = p * r + 0.5
    p = p * r * r + r + 1
    let bits = UInt32(bitPattern: Int32(n) &+ 127) << 23
    return p * Float(bitPattern: bits)
  }

  /// σ(x) = 1 / (1 + e^-x).
  @inline(__always)
  static func sigmoid(_ x: Float) -> Float { 1 / (1 + exp(-x)) }

  /// tanh x = (1 - e^-2|x|)/(1 + e^-2|x|), with the sign of x; near 0, where 1 - e^-2|x| would
  /// lose digits, its odd Taylor series to x⁹ (error below 2e-8 for |x| < 0.3).
  @inline(__always)
  static func tanh(_ x: Float) -> Float {
    let a = abs(x)
    if a < 0.3 {
      let z = x * x
      return x * (1 + z * (-1.0 / 3 + z * (2.0 / 15 + z * (-17.0 / 315 + z * (62.0 / 2835)))))
    }
    let e = exp(-2 * a)
    let t = (1 - e) / (1 + e)
    return x < 0 ? -t : t
  }

  static func sigmoid(_ p: UnsafeMutablePointer<Float>, count: Int) {
    for i in 0..<count { p[i] = sigmoid(p[i]) }
  }

  static func tanh(_ p: UnsafeMutablePointer<Float>, count: Int) {
    for i in 0..<count { p[i] = tanh(p[i]) }
  }
}
