import CKernels

/// Matrix products on B packed once, on the kernels chosen at start-up (`KernelSet`): a
/// tensor-level tool that `Tensor.matmul` and the recurrent layers' time loops share.
///
/// OpenBLAS re-packs its operands on every call, and a recurrent layer's per-step product
/// multiplies the same weights again at every step: packing was 15% of training. Here B is laid
/// out once as panels of 16 columns (k × 16, contiguous; the last one padded with zeros), which
/// the level's kernel streams through L1 for every block of rows.
struct PackedGemm {
  let kernels: KernelSet

  /// Floats a packed (k × n) matrix takes: n rounded up to whole panels.
  static func packedCount(k: Int, n: Int) -> Int { k * paddedWidth(n) }

  /// n rounded up to a multiple of 16.
  static func paddedWidth(_ n: Int) -> Int { (n + 15) / 16 * 16 }

  /// Packs B (k × n), element (kk, j) at `b[kk * rowStride + j * columnStride]`; part `part` of
  /// `parts` packs its share of the panels.
  func pack(
    _ b: UnsafePointer<Float>, k: Int, n: Int, rowStride: Int, columnStride: Int, into out: UnsafeMutablePointer<Float>,
    part: Int = 0, of parts: Int = 1
  ) {
    let panels = WorkerTeam.share(part, of: parts, in: (n + 15) / 16)
    kernels.table.pack_panels(b, k, n, rowStride, columnStride, out, panels.lowerBound, panels.count)
  }

  /// C (m × n) = (or +=) A (m × k) · B, B packed by `pack`. With `start`, row i of C is
  /// start[i][0..<n] + (A · B)[i] instead: a bias or a token's input projection, added without
  /// first copying it into C.
  func multiply(
    _ a: UnsafePointer<Float>, lda: Int, packed: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>, ldc: Int,
    m: Int, n: Int, k: Int, accumulate: Bool, start: UnsafePointer<UnsafePointer<Float>?>? = nil
  ) {
    kernels.table.packed_gemm(a, lda, packed, c, ldc, m, n, k, accumulate, start)
  }
}
