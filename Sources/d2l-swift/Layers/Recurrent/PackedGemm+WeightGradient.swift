import CKernels

/// The weight gradients of a recurrent layer, on the packed kernels (`PackedGemm`) when the
/// level has a transposed-A kernel.
extension PackedGemm {
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
    let P = team.availableParts
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
