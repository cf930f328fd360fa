import Testing
@testable import D2L

/// The packed products compute what OpenBLAS computes, at every kernel level this CPU runs: for
/// both packings the time loop uses (rows of W forward, columns of W backward), any row count
/// (prediction's batch of 1) and column counts that leave a partial last panel.
@Suite struct PackedGemmTests {
  static let sizes = [(4, 16, 8), (32, 64, 48), (8, 48, 256), (32, 128, 1024), (12, 80, 40), (1, 20, 7), (9, 28, 33)]

  @Test(arguments: sizes) func portableMatchesBLAS(m: Int, n: Int, k: Int) {
    matchesBLAS(m: m, n: n, k: k, Levels.kernels(.portable))
  }

  @Test(.enabled(if: Levels.runs(.avx2), Comment(rawValue: Levels.noAVX2)), arguments: sizes)
  func avx2MatchesBLAS(m: Int, n: Int, k: Int) {
    matchesBLAS(m: m, n: n, k: k, Levels.kernels(.avx2))
  }

  @Test(.enabled(if: Levels.runs(.avx512), Comment(rawValue: Levels.noAVX512)), arguments: sizes)
  func avx512MatchesBLAS(m: Int, n: Int, k: Int) {
    matchesBLAS(m: m, n: n, k: k, Levels.kernels(.avx512))
  }

  /// Every level packs the same bits as the portable packer, for both layouts, in two parts,
  /// with k not a multiple of the AVX packer's 8 and a partial last panel.
  @Test(arguments: [(16, 7), (40, 33), (28, 256), (256, 64)])
  func everyLevelPacksThePortableBits(rows: Int, columns: Int) {
    var g = RandomGenerator(seed: UInt64(rows * columns))
    let w = Tensor.uniform([rows, columns + 3], low: -1, high: 1, using: &g)  // rows with a gap after them
    // (k, n, rowStride, columnStride): B = Wᵀ as the forward loop packs it, and B = W as given.
    for (k, n, rowStride, columnStride) in [(columns, rows, 1, columns + 3), (rows, columns, columns + 3, 1)] {
      let count = PackedGemm.packedCount(k: k, n: n)
      let expected = TensorStorage(count: count)
      PackedGemm(kernels: Levels.kernels(.portable))
        .pack(w.storage.base, k: k, n: n, rowStride: rowStride, columnStride: columnStride, into: expected.base)
      for level in KernelLevel.allCases where Levels.runs(level) {
        let got = TensorStorage(count: count), products = PackedGemm(kernels: Levels.kernels(level))
        for part in 0..<2 {
          products.pack(w.storage.base, k: k, n: n, rowStride: rowStride, columnStride: columnStride, into: got.base, part: part, of: 2)
        }
        #expect(Array(expected.buffer) == Array(got.buffer), "\(level) k=\(k) n=\(n) strides (\(rowStride), \(columnStride))")
      }
    }
  }

  func matchesBLAS(m: Int, n: Int, k: Int, _ kernels: KernelSet) {
    let products = PackedGemm(kernels: kernels)
    var g = RandomGenerator(seed: UInt64(m * n + k))
    let a = Tensor.uniform([m, k], low: -1, high: 1, using: &g)
    let wRows = Tensor.uniform([n, k], low: -1, high: 1, using: &g)  // C = A Wᵀ (forward)
    let wCols = Tensor.uniform([k, n + 16], low: -1, high: 1, using: &g)  // C = A W[:, 8..<8+n]
    let table = Tensor.uniform([5, n], low: -1, high: 1, using: &g)
    let packed = TensorStorage(count: PackedGemm.packedCount(k: k, n: n))
    for accumulate in [false, true] {
      let start = Tensor.uniform([m, n], low: -1, high: 1, using: &g)
      // Forward: B(kk, j) = W[j, kk].
      let expected = start.storage.copy(), got = start.storage.copy()
      Tensor.gemm(a.storage.base, transposeA: false, wRows.storage.base, transposeB: true, into: expected.base,
                  m: m, n: n, k: k, accumulate: accumulate)
      products.pack(wRows.storage.base, k: k, n: n, rowStride: 1, columnStride: k, into: packed.base)
      products.multiply(a.storage.base, lda: k, packed: packed.base, into: got.base, ldc: n, m: m, n: n, k: k, accumulate: accumulate)
      #expect(maxDifference(expected, got) < 1e-4, "\(kernels.level) rows m=\(m) n=\(n) k=\(k) accumulate=\(accumulate)")
      // Backward: B(kk, j) = W[kk, 8 + j], a block of columns of a wider matrix.
      let expected2 = start.storage.copy(), got2 = start.storage.copy()
      Tensor.gemm(a.storage.base, transposeA: false, wCols.storage.base + 8, transposeB: false, into: expected2.base,
                  m: m, n: n, k: k, accumulate: accumulate, ldb: n + 16)
      products.pack(wCols.storage.base + 8, k: k, n: n, rowStride: n + 16, columnStride: 1, into: packed.base)
      products.multiply(a.storage.base, lda: k, packed: packed.base, into: got2.base, ldc: n, m: m, n: n, k: k, accumulate: accumulate)
      #expect(maxDifference(expected2, got2) < 1e-4, "\(kernels.level) columns m=\(m) n=\(n) k=\(k) accumulate=\(accumulate)")
    }
    // With `start`, each row begins from its own row of another matrix (a token's row of the
    // input table, or the bias): C = S[rows] + A Wᵀ, with C's old values ignored.
    let rows = (0..<m).map { ($0 * 3) % 5 }
    let expected = TensorStorage(count: m * n)
    for (i, r) in rows.enumerated() { (expected.base + i * n).update(from: table.storage.base + r * n, count: n) }
    Tensor.gemm(a.storage.base, transposeA: false, wRows.storage.base, transposeB: true, into: expected.base, m: m, n: n, k: k, accumulate: true)
    products.pack(wRows.storage.base, k: k, n: n, rowStride: 1, columnStride: k, into: packed.base)
    var starts: [UnsafePointer<Float>?] = rows.map { UnsafePointer(table.storage.base + $0 * n) }
    let got = TensorStorage(count: m * n)
    got.base.update(repeating: 1000, count: m * n)  // ignored: rows start from `starts`
    products.multiply(a.storage.base, lda: k, packed: packed.base, into: got.base, ldc: n, m: m, n: n, k: k, accumulate: true, start: &starts)
    #expect(maxDifference(expected, got) < 1e-4, "\(kernels.level) start rows m=\(m) n=\(n) k=\(k)")
  }

  func maxDifference(_ a: TensorStorage, _ b: TensorStorage) -> Float {
    zip(a.buffer, b.buffer).map { abs($0 - $1) }.max() ?? 0
  }

  /// The AVX-512 weight-gradient kernel, C += Aᵀ B with A given transposed, against OpenBLAS; k
  /// crosses the kernel's chunks of 128 rows. The sums it adds on the way are A's row sums (the
  /// column sums of Aᵀ as given).
  @Test(.enabled(if: Levels.runs(.avx512), Comment(rawValue: Levels.noAVX512)), arguments: [(8, 16, 5), (32, 48, 300), (64, 64, 1120)])
  func avx512TransposedAMatchesBLAS(m: Int, n: Int, k: Int) {
    let products = PackedGemm(kernels: Levels.kernels(.avx512))
    var g = RandomGenerator(seed: UInt64(m + n + k))
    let aT = Tensor.uniform([k, m + 8], low: -1, high: 1, using: &g)  // A's transpose, wider than m
    let b = Tensor.uniform([k, n], low: -1, high: 1, using: &g)
    let start = Tensor.uniform([m, n], low: -1, high: 1, using: &g)
    let expected = start.storage.copy(), got = start.storage.copy()
    Tensor.gemm(aT.storage.base, transposeA: true, b.storage.base, transposeB: false, into: expected.base,
                m: m, n: n, k: k, accumulate: true, lda: m + 8)
    let packed = TensorStorage(count: k * n), scratch = TensorStorage(count: PackedGemm.scratchPerThread)
    products.pack(b.storage.base, k: k, n: n, rowStride: n, columnStride: 1, into: packed.base)
    let sums = TensorStorage(count: m)
    sums.base.update(repeating: 0.5, count: m)
    products.kernels.table.packed_gemm_at(aT.storage.base, m + 8, packed.base, got.base, n, m, n, k, scratch.base, sums.base)
    #expect(maxDifference(expected, got) < 1e-3, "m=\(m) n=\(n) k=\(k)")
    let expectedSums = TensorStorage(count: m)
    for i in 0..<m { expectedSums.base[i] = 0.5 + (0..<k).reduce(Float(0)) { $0 + aT.storage.base[$1 * (m + 8) + i] } }
    #expect(maxDifference(expectedSums, sums) < 1e-3, "column sums, m=\(m) k=\(k)")
  }
}
