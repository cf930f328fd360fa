import Foundation

/// Values the fused cells compute with: one Float, or a `CellVector` of them at once. The cell
/// kernels are written once, generic over `Lanes`, and run 8 hidden units per instruction with a
/// scalar tail (the compiler specialises both).
///
/// Gate activations are the other hot spot of training besides the GEMMs (about 1.4 million per
/// layer and minibatch for the chapter's LSTM), so they use a vectorisable exp instead of one
/// libm call per element.
protocol Lanes {
  static var width: Int { get }
  init(repeating value: Float)
  static func load(_ p: UnsafePointer<Float>) -> Self
  func store(_ p: UnsafeMutablePointer<Float>)
  static func + (a: Self, b: Self) -> Self
  static func - (a: Self, b: Self) -> Self
  static func * (a: Self, b: Self) -> Self
  static func / (a: Self, b: Self) -> Self
  /// e^x, to a few ulp.
  var exp: Self { get }
  /// tanh x, to a few ulp (absolute error below 1e-7 everywhere).
  var tanh: Self { get }
}

extension Lanes {
  /// σ(x) = 1 / (1 + e^-x).
  @inline(__always) var sigmoid: Self {
    let one = Self(repeating: 1)
    return one / (one + (Self(repeating: 0) - self).exp)
  }
}

extension Float: Lanes {
  static var width: Int { 1 }
  @inline(__always) init(repeating value: Float) { self = value }
  @inline(__always) static func load(_ p: UnsafePointer<Float>) -> Float { p.pointee }
  @inline(__always) func store(_ p: UnsafeMutablePointer<Float>) { p.pointee = self }
  @inline(__always) var exp: Float { VectorMath.exp(self) }
  @inline(__always) var tanh: Float { VectorMath.tanh(self) }
}

/// The cells' vector: one AVX2 register. (16 lanes, two registers each, ran out of the 16
/// registers inside exp and tanh and spilled to the stack.)
typealias CellVector = SIMD8<Float>

extension SIMD8: Lanes where Scalar == Float {
  static var width: Int { 8 }
  @inline(__always) static func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
  }
  @inline(__always) func store(_ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: self, as: SIMD8<Float>.self)
  }

  @inline(__always) var exp: SIMD8<Float> {
    typealias V = SIMD8<Float>
    // Masked replacement compiles to compare-and-blend; `clamped` is an unvectorised loop, and
    // pointwiseMin/Max on SIMD8 became calls.
    let high = V(repeating: 88.3), low = V(repeating: -87.3)
    let x = self.replacing(with: high, where: self .> high).replacing(with: low, where: self .< low)
    // Adding 1.5·2²³ rounds x·log2(e) to the nearest integer n and leaves n in the low mantissa
    // bits, so n needs no float-to-int conversion (which Swift does not vectorise).
    let magic = V(repeating: 12_582_912)
    let shifted = magic.addingProduct(x, V(repeating: 1.442_695_04))
    let n = shifted - magic
    // Swift does not fuse a * b + c by itself: addingProduct is one FMA (and rounds once).
    let r = x.addingProduct(n, V(repeating: -0.693_359_375)).addingProduct(n, V(repeating: 2.121_944_4e-4))
    var p = V(repeating: 1.398_2e-3).addingProduct(V(repeating: 1.987_569_2e-4), r)
    p = V(repeating: 8.333_452e-3).addingProduct(p, r)
    p = V(repeating: 4.166_579_6e-2).addingProduct(p, r)
    p = V(repeating: 0.166_666_66).addingProduct(p, r)
    p = V(repeating: 0.5).addingProduct(p, r)
    p = (r + V(repeating: 1)).addingProduct(p, r * r)
    // 2ⁿ: the biased exponent n + 127 shifted into place.
    let bits = (unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000 &+ 127) &<< 23
    return p * unsafeBitCast(bits, to: V.self)
  }

  @inline(__always) var tanh: SIMD8<Float> {
    typealias V = SIMD8<Float>
    let a = self.replacing(with: -self, where: self .< 0)
    let z = self * self
    // The odd Taylor series of tanh to x⁹, Horner's scheme.
    var series = V(repeating: -17.0 / 315).addingProduct(z, V(repeating: 62.0 / 2835))
    series = V(repeating: 2.0 / 15).addingProduct(z, series)
    series = V(repeating: -1.0 / 3).addingProduct(z, series)
    series = self * V(repeating: 1).addingProduct(z, series)
    let e = (a * V(repeating: -2)).exp
    let one = V(repeating: 1)
    var t: V = (one - e) / (one + e)
    t.replace(with: -t, where: self .< 0)
    t.replace(with: series, where: a .< 0.3)
    return t
  }
}

/// Scalar versions of the functions, shared by `Lanes` and by code that needs single values.
enum VectorMath {
  /// e^x for x in Float range, as a polynomial on the reduced argument: x = n ln2 + r, |r| ≤ ln2/2,
  /// e^x = 2^n e^r (Cephes' expf). Relative error below 2e-7.
  @inline(__always)
  static func exp(_ x: Float) -> Float {
    let clamped = min(max(x, -87.3), 88.3)  // 2ⁿ must stay finite: n ≤ 127
    let n = (clamped * 1.442_695_04).rounded(.toNearestOrEven)
    let r = clamped - n * 0.693_359_375 + n * 2.121_944_4e-4  // ln 2 in two parts (Cephes)
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
}
