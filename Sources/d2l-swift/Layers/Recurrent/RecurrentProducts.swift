import CKernels

/// The matrix products of a recurrent layer, on the kernels chosen at start-up (`KernelSet`):
/// the per-step products on weights packed once per pass, and the weight gradients.
///
/// OpenBLAS re-packs its operands on every call, and a per-step product multiplies the same
/// weights again at every step: packing was 15% of training. Here a weight block is laid out
/// once as panels of 16 columns (k × 16, contiguous; the last one padded with zeros), which the
/// level's kernel streams through L1 for every block of rows.
struct RecurrentProducts {
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

  /// dW (G·H, columns) += dGᵀ Y for dG (rows, G·H) and Y (rows, columns), on all the team's
  /// threads. With the level's transposed-A kernel (AVX-512) when the sizes fit it, on Y packed
  /// once and shared, each thread taking a share of dW's rows; else through OpenBLAS, which
  /// reached about 78% of the peak on this transposed shape. The kernel can also write dG's
  /// column sums (the bias gradient) into `gateSums` on the way; the result says whether it did.
  @discardableResult
  func weightGradient(
    _ dG: UnsafePointer<Float>, _ y: UnsafePointer<Float>, gateRows GH: Int, columns: Int, rows: Int,
    into dW: UnsafeMutablePointer<Float>, gateSums: UnsafeMutablePointer<Float>?,
    packed: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>, team: WorkerTeam
  ) -> Bool {
    let P = team.size
    guard let kernel = kernels.table.packed_gemm_at, columns % 16 == 0, GH % (8 * P) == 0 else {
      Tensor.gemm(dG, transposeA: true, y, transposeB: false, into: dW, m: GH, n: columns, k: rows, accumulate: true)
      return false
    }
    gateSums?.update(repeating: 0, count: GH)
    team.run(parts: P) { p in
      pack(y, k: rows, n: columns, rowStride: columns, columnStride: 1, into: packed, part: p, of: P)
      team.sync(parts: P)
      let blocks = WorkerTeam.share(p, of: P, in: GH / 8), first = blocks.lowerBound * 8
      kernel(dG + first, GH, packed, dW + first * columns, columns, blocks.count * 8, columns, rows,
             scratch + p * Self.scratchPerThread, gateSums.map { $0 + first })
    }
    return gateSums != nil
  }

  /// Floats of scratch the transposed-A kernel needs per thread.
  static let scratchPerThread = 2048
}
