/// Plain loops over raw buffers: the inner loops every tensor operation is built from.
///
/// They take pointers, not arrays, so that the compiler vectorises them and no bounds checks
/// or reference counting sit in the loop.
enum Kernels {
  @inline(__always)
  static func add(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int) {
    for i in 0..<count { out[i] = a[i] + b[i] }
  }

  @inline(__always)
  static func mul(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int) {
    for i in 0..<count { out[i] = a[i] * b[i] }
  }

  /// out += a * b
  @inline(__always)
  static func addProduct(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int) {
    for i in 0..<count { out[i] += a[i] * b[i] }
  }

  /// out += alpha * a
  @inline(__always)
  static func addScaled(_ a: UnsafePointer<Float>, _ alpha: Float, into out: UnsafeMutablePointer<Float>, count: Int) {
    for i in 0..<count { out[i] += alpha * a[i] }
  }

  @inline(__always)
  static func sum(_ a: UnsafePointer<Float>, count: Int) -> Float {
    // Pairs of partial sums in Double keep long reductions accurate.
    var s: Double = 0
    var i = 0
    while i + 8 <= count {
      var part: Float = 0
      for k in 0..<8 { part += a[i + k] }
      s += Double(part)
      i += 8
    }
    while i < count { s += Double(a[i]); i += 1 }
    return Float(s)
  }

  @inline(__always)
  static func sumOfSquares(_ a: UnsafePointer<Float>, count: Int) -> Double {
    var s: Double = 0
    var i = 0
    while i + 8 <= count {
      var part: Float = 0
      for k in 0..<8 { part += a[i + k] * a[i + k] }
      s += Double(part)
      i += 8
    }
    while i < count { s += Double(a[i] * a[i]); i += 1 }
    return s
  }
}
