import CKernels
import Foundation

/// The per-step products of the time loop with the weights packed once per pass.
///
/// OpenBLAS re-packs its operands on every call, and a per-step product multiplies the same
/// weights again at every step: packing was 15% of training. Here the weight block of a part is
/// laid out once, as panels of 16 columns (k × 16, contiguous), and a small kernel computes
/// 4 rows × 16 columns of C at a time with FMAs, the panel staying in L1 across the rows. Where
/// the CPU has AVX-512, a C kernel (`CKernels`) does 8 rows × 32 columns per block instead.
enum PackedGemm {
  /// Can (m × n) products use the kernel? Rows in fours, columns in sixteens.
  static func fits(m: Int, n: Int) -> Bool { m % 4 == 0 && n % 16 == 0 && m > 0 && n > 0 && !disabled }
  static let disabled = getenv("D2L_NO_PACK") != nil

  /// Packs B (k × n), element (kk, j) at `b[kk * rowStride + j * columnStride]`, into `out`
  /// as n/16 panels of k × 16; part `part` of `parts` packs its share of the panels.
  static func pack(
    _ b: UnsafePointer<Float>, k: Int, n: Int, rowStride: Int, columnStride: Int, into out: UnsafeMutablePointer<Float>,
    part: Int = 0, of parts: Int = 1
  ) {
    let panels = n / 16
    for panel in WorkerTeam.share(part, of: parts, in: panels) {
      let dst = out + panel * k * 16, first = b + panel * 16 * columnStride
      if columnStride == 1 {  // a panel row is 16 contiguous floats: one vector copy
        for kk in 0..<k { SIMD16<Float>.load(first + kk * rowStride).store(dst + kk * 16) }
      } else {  // B is a transposed matrix: read each of its 16 source rows contiguously
        for j in 0..<16 {
          let src = first + j * columnStride
          for kk in 0..<k { dst[kk * 16 + j] = src[kk * rowStride] }
        }
      }
    }
  }

  /// C (m × n) = (or +=) A (m × k) · B, with B packed by `pack`. With `start`, row i of C is
  /// start[i][0..<n] + (A · B)[i] instead: a bias or a token's input projection, added without
  /// first copying it into C.
  static func multiply(
    _ a: UnsafePointer<Float>, lda: Int, packed: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>, ldc: Int,
    m: Int, n: Int, k: Int, accumulate: Bool, start: UnsafePointer<UnsafePointer<Float>?>? = nil, kernel: VectorKernel = .best
  ) {
    if kernel == .avx512 {
      d2l_packed_gemm_avx512(a, lda, packed, c, ldc, m, n, k, accumulate, start)
      return
    }
    typealias V = SIMD16<Float>
    /// The initial value of C's (row, column .. column + 15).
    @inline(__always) func initial(_ row: Int, _ column: Int) -> V {
      if let start { return V.load(start[row]! + column) }
      return accumulate ? V.load(c + row * ldc + column) : V()
    }
    for panel in 0..<(n / 16) {
      let p = packed + panel * k * 16
      var r = 0
      while r < m {
        let a0 = a + r * lda, a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda
        let c0 = c + r * ldc + panel * 16, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc
        let column = panel * 16
        var s0 = initial(r, column), s1 = initial(r + 1, column), s2 = initial(r + 2, column), s3 = initial(r + 3, column)
        for kk in 0..<k {
          let b = V.load(p + kk * 16)
          s0 = s0.addingProduct(V(repeating: a0[kk]), b)
          s1 = s1.addingProduct(V(repeating: a1[kk]), b)
          s2 = s2.addingProduct(V(repeating: a2[kk]), b)
          s3 = s3.addingProduct(V(repeating: a3[kk]), b)
        }
        s0.store(c0); s1.store(c1); s2.store(c2); s3.store(c3)
        r += 4
      }
    }
  }

  /// C (m × n) += Aᵀ · B with A given as its transpose (k × m, row stride `lda`) and B packed by
  /// `pack`: the weight gradients dGᵀ Y. Only with the AVX-512 kernel (`VectorKernel.best`); m must be
  /// a multiple of 8 and n of 16. `scratch` holds 2048 floats. With `dGColumnSums`, also adds
  /// the sums of A's m rows to it: the column sums of the (k × m) matrix as given, dG, which are
  /// the bias gradients, at no extra pass over dG.
  static func multiplyTransposedA(
    _ a: UnsafePointer<Float>, lda: Int, packed: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>, ldc: Int,
    m: Int, n: Int, k: Int, scratch: UnsafeMutablePointer<Float>, dGColumnSums: UnsafeMutablePointer<Float>? = nil
  ) {
    check(VectorKernel.best == .avx512 && m % 8 == 0 && n % 16 == 0, "PackedGemm.multiplyTransposedA: needs AVX-512, m % 8 == 0 and n % 16 == 0")
    d2l_packed_gemm_at_avx512(a, lda, packed, c, ldc, m, n, k, true, scratch, dGColumnSums)
  }
}

extension SIMD16 where Scalar == Float {
  /// 16 floats from `p`, which need not be aligned.
  @inline(__always) static func load(_ p: UnsafePointer<Float>) -> SIMD16<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD16<Float>.self)
  }
  @inline(__always) func store(_ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: self, as: SIMD16<Float>.self)
  }
}
