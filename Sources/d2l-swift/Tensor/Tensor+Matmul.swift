import CBLAS

/// Matrix products: on the library's packed kernels when A is not transposed, else on
/// OpenBLAS's `cblas_sgemm`.
extension Tensor {
  /// C = op(A) · op(B), where op transposes when asked, without copying: the flag goes straight
  /// to GEMM. Shapes (m, k) · (k, n) -> (m, n) after the transposes.
  public func matmul(_ other: Tensor, transposeSelf: Bool = false, transposeOther: Bool = false) -> Tensor {
    let a = self, b = other
    check(a.rank == 2 && b.rank == 2,
                 "matmul: needs matrices, shapes are \(Tensor.describe(a.shape)) and \(Tensor.describe(b.shape))")
    let (m, k) = transposeSelf ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
    let (k2, n) = transposeOther ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
    check(k == k2, "matmul: shapes \(Tensor.describe(a.shape))\(transposeSelf ? "ᵀ" : "") and \(Tensor.describe(b.shape))\(transposeOther ? "ᵀ" : "") do not fit (\(k) ≠ \(k2))")
    let out = TensorStorage(uninitializedCount: m * n)  // β = 0: GEMM writes every element
    Tensor.gemm(a.storage.base, transposeA: transposeSelf, b.storage.base, transposeB: transposeOther,
                into: out.base, m: m, n: n, k: k, accumulate: false)
    return Tensor.result("matmul", shape: [m, n], storage: out, operands: [a, b]) { g in
      // C = A·B: dA = dC·Bᵀ, dB = Aᵀ·dC (with the transposes folded into the flags).
      if let na = a.node {
        let d = TensorStorage(uninitializedCount: a.count)
        if transposeSelf {  // A stored (k, m): dAstored = B · dCᵀ
          Tensor.gemm(b.storage.base, transposeA: transposeOther, g.base, transposeB: true, into: d.base, m: k, n: m, k: n, accumulate: false)
        } else {
          Tensor.gemm(g.base, transposeA: false, b.storage.base, transposeB: !transposeOther, into: d.base, m: m, n: k, k: n, accumulate: false)
        }
        na.accumulate(handingOver: d)
      }
      if let nb = b.node {
        let d = TensorStorage(uninitializedCount: b.count)
        if transposeOther {  // B stored (n, k): dBstored = dCᵀ · A
          Tensor.gemm(g.base, transposeA: true, a.storage.base, transposeB: transposeSelf, into: d.base, m: n, n: k, k: m, accumulate: false)
        } else {
          Tensor.gemm(a.storage.base, transposeA: !transposeSelf, g.base, transposeB: false, into: d.base, m: k, n: n, k: m, accumulate: false)
        }
        nb.accumulate(handingOver: d)
      }
    }
  }

  /// Raw GEMM on row-major buffers: C (m×n) = op(A)·op(B) (+ C when `accumulate`), where
  /// op(A) is m×k and op(B) is k×n. Leading dimensions follow from the stored shapes unless
  /// given (to address a block of columns inside a wider matrix).
  ///
  /// With A as given and at least `packedFromRows` rows, the product runs on the packed kernels
  /// (`packedGemm`). Otherwise a large product is split between the `WorkerTeam`'s threads (by
  /// rows of C, or by columns when C has few rows), each running single-threaded OpenBLAS on its
  /// block.
  public static func gemm(
    _ a: UnsafePointer<Float>, transposeA: Bool, _ b: UnsafePointer<Float>, transposeB: Bool,
    into c: UnsafeMutablePointer<Float>, m: Int, n: Int, k: Int, accumulate: Bool,
    lda: Int? = nil, ldb: Int? = nil, ldc: Int? = nil
  ) {
    let lda = lda ?? (transposeA ? m : k), ldb = ldb ?? (transposeB ? k : n), ldc = ldc ?? n
    if !transposeA && m >= packedFromRows {
      packedGemm(a, b, transposeB: transposeB, into: c, m: m, n: n, k: k, accumulate: accumulate, lda: lda, ldb: ldb, ldc: ldc)
      return
    }
    let team = WorkerTeam.shared
    let parts = splitParts(m: m, n: n, k: k, along: max(m, n))
    guard parts > 1 else {
      blockGemm(a, transposeA, b, transposeB, c, m, n, k, accumulate, lda, ldb, ldc)
      return
    }
    let (aa, bb, cc) = (UnsafeSendable(a), UnsafeSendable(b), UnsafeSendable(c))
    team.run(parts: parts) { p in
      if m >= n {  // rows of C (and of op(A))
        let rows = WorkerTeam.share(p, of: parts, in: m), r0 = rows.lowerBound
        let ap = transposeA ? aa.value + r0 : aa.value + r0 * lda
        blockGemm(ap, transposeA, bb.value, transposeB, cc.value + r0 * ldc, rows.count, n, k, accumulate, lda, ldb, ldc)
      } else {  // columns of C (and of op(B))
        let columns = WorkerTeam.share(p, of: parts, in: n), c0 = columns.lowerBound
        let bp = transposeB ? bb.value + c0 * ldb : bb.value + c0
        blockGemm(aa.value, transposeA, bp, transposeB, cc.value + c0, m, columns.count, k, accumulate, lda, ldb, ldc)
      }
    }
  }

  /// The team's size when an (m × k) · (k × n) product is worth splitting along `extent` (rows
  /// or columns of C), else 1: large enough, not inside another job of the team, and at least 8
  /// rows or columns for each part.
  private static func splitParts(m: Int, n: Int, k: Int, along extent: Int) -> Int {
    let team = WorkerTeam.shared
    return team.availableParts > 1 && !team.isActive && m * n * k >= 1 << 21 && extent >= 8 * team.size ? team.size : 1
  }

  /// Products with at least this many rows of A as given run on the packed kernels.
  static let packedFromRows = 32

  /// C = A · op(B) on the library's packed kernels (`PackedGemm`): op(B) is packed once,
  /// k × n, and each of the team's threads multiplies its rows of A as they are. OpenBLAS packs
  /// A as well, on every call, which for a narrow C costs as much as the product: the output
  /// layer's (1120 × 256) · (256 × 28) took 0.27 ms of the chapter's 15 ms minibatch, for 16
  /// MFLOP (docs/performance.md).
  private static func packedGemm(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, transposeB: Bool, into c: UnsafeMutablePointer<Float>,
    m: Int, n: Int, k: Int, accumulate: Bool, lda: Int, ldb: Int, ldc: Int
  ) {
    guard m > 0, n > 0 else { return }
    let products = PackedGemm(kernels: .selected)
    let packed = TensorStorage(uninitializedCount: PackedGemm.packedCount(k: k, n: n))
    // op(B)(kk, j) is B[j, kk] when B is stored transposed (n × k), else B[kk, j].
    let (rowStride, columnStride) = transposeB ? (1, ldb) : (ldb, 1)
    let team = WorkerTeam.shared, parts = splitParts(m: m, n: n, k: k, along: m)
    let (aa, bb, cc, pp) = (UnsafeSendable(a), UnsafeSendable(b), UnsafeSendable(c), UnsafeSendable(packed.base))
    team.run(parts: parts) { p in
      products.pack(bb.value, k: k, n: n, rowStride: rowStride, columnStride: columnStride, into: pp.value, part: p, of: parts)
      team.sync(parts: parts)
      let rows = WorkerTeam.share(p, of: parts, in: m)
      products.multiply(aa.value + rows.lowerBound * lda, lda: lda, packed: pp.value, into: cc.value + rows.lowerBound * ldc,
                        ldc: ldc, m: rows.count, n: n, k: k, accumulate: accumulate)
    }
    withExtendedLifetime(packed) {}
  }

  @inline(__always)
  private static func blockGemm(
    _ a: UnsafePointer<Float>, _ transposeA: Bool, _ b: UnsafePointer<Float>, _ transposeB: Bool,
    _ c: UnsafeMutablePointer<Float>, _ m: Int, _ n: Int, _ k: Int, _ accumulate: Bool,
    _ lda: Int, _ ldb: Int, _ ldc: Int
  ) {
    guard m > 0, n > 0 else { return }
    cblas_sgemm(
      CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
      Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), accumulate ? 1 : 0, c, Int32(ldc))
  }
}

/// A pointer handed to the team's threads, which work on disjoint blocks of it.
struct UnsafeSendable<T>: @unchecked Sendable {
  let value: T
  init(_ value: T) { self.value = value }
}
