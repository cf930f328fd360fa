import CKernels
import Testing
@testable import D2L

/// The bf16 level's kernels against their plain reference (`bf16_reference.c`): the packer bit
/// for bit, the two products within FP32 rounding (the same bf16 products, summed in an order
/// the hardware may fuse). Each product is also held loosely to the FP32 product, so that a
/// layout that kernel and reference got wrong together would not pass.
@Suite struct BF16KernelTests {
  static let noBF16 = "this CPU has no AVX512_BF16: the bf16 kernels cannot run here"
  static var runs: Bool { KernelLevel.cpuHasBF16 }
  static var kernels: KernelSet { KernelSet(.avx512bf16)! }

  /// Rounding to nearest with ties to even, as VCVTNE2PS2BF16 does.
  @Test func roundsToNearestEven() {
    func bits(_ x: Float) -> UInt16 { d2l_bf16_from_float(x) }
    #expect(bits(1) == 0x3F80)
    #expect(bits(Float(bitPattern: 0x3F80_8000)) == 0x3F80)  // a tie, to the even 0x3F80
    #expect(bits(Float(bitPattern: 0x3F81_8000)) == 0x3F82)  // a tie, to the even 0x3F82
    #expect(bits(Float(bitPattern: 0x3F80_8001)) == 0x3F81)  // above the tie
    #expect(bits(-2.5) == 0xC020)
    #expect(bits(Float(bitPattern: 0x0000_1234)) == 0)  // a denormal reads as zero
    #expect(d2l_float_from_bf16(bits(.nan)).isNaN)
    #expect(d2l_float_from_bf16(bits(.infinity)) == .infinity)
  }

  /// The level's packer writes the reference's bits: both layouts the time loop packs, two parts,
  /// odd k (the last pair half empty), k across the packer's 64-row chunks, partial last panels.
  @Test(.enabled(if: runs, Comment(rawValue: noBF16)), arguments: [(16, 7), (40, 33), (28, 256), (131, 64), (256, 20)])
  func packerMatchesTheReference(rows: Int, columns: Int) {
    var g = RandomGenerator(seed: UInt64(rows * columns))
    let w = Tensor.uniform([rows, columns + 3], low: -1, high: 1, using: &g)
    for (k, n, rowStride, columnStride) in [(columns, rows, 1, columns + 3), (rows, columns, columns + 3, 1)] {
      let count = PackedGemm.packedCount(k: k, n: n)
      let expected = TensorStorage(count: count), got = TensorStorage(count: count)
      d2l_pack_panels_bf16_reference(w.storage.base, k, n, rowStride, columnStride, expected.base, 0, (n + 15) / 16)
      let products = PackedGemm(kernels: Self.kernels)
      for part in 0..<2 {
        products.pack(w.storage.base, k: k, n: n, rowStride: rowStride, columnStride: columnStride, into: got.base, part: part, of: 2)
      }
      // Only each panel's pairs are written: compare those bytes.
      let used = (k + 1) / 2 * 16
      for panel in 0..<((n + 15) / 16) {
        let range = (panel * k * 16)..<(panel * k * 16 + used)
        #expect(range.map { expected.base[$0].bitPattern } == range.map { got.base[$0].bitPattern },
                "panel \(panel) k=\(k) n=\(n) strides (\(rowStride), \(columnStride))")
      }
    }
  }

  /// C = (start or C or 0) + A · B at the sizes the layers use and the awkward ones: m not a
  /// multiple of 8 (prediction's 1), odd k, n with a partial last panel, an odd number of panels,
  /// k beyond one chunk of A's rows (1024).
  @Test(.enabled(if: runs, Comment(rawValue: noBF16)),
        arguments: [(4, 16, 8), (32, 64, 48), (8, 48, 257), (32, 128, 1024), (12, 80, 40), (1, 20, 7), (9, 28, 33), (3, 32, 1500)])
  func productMatchesTheReference(m: Int, n: Int, k: Int) {
    var g = RandomGenerator(seed: UInt64(m * n + k))
    let a = Tensor.uniform([m, k + 5], low: -1, high: 1, using: &g)  // lda = k + 5
    let w = Tensor.uniform([n, k], low: -1, high: 1, using: &g)  // B = Wᵀ, as the forward loop packs it
    let table = Tensor.uniform([m, n], low: -1, high: 1, using: &g)
    let products = PackedGemm(kernels: Self.kernels)
    let packed = TensorStorage(count: PackedGemm.packedCount(k: k, n: n))
    products.pack(w.storage.base, k: k, n: n, rowStride: 1, columnStride: k, into: packed.base)
    var starts: [UnsafePointer<Float>?] = (0..<m).map { UnsafePointer(table.storage.base + $0 * n) }
    for mode in ["zero", "accumulate", "start"] {
      let initial = Tensor.uniform([m, n], low: -1, high: 1, using: &g)
      let expected = initial.storage.copy(), got = initial.storage.copy()
      let accumulate = mode == "accumulate"
      starts.withUnsafeMutableBufferPointer { s in
        let start = mode == "start" ? UnsafePointer(s.baseAddress) : nil
        d2l_packed_gemm_bf16_reference(a.storage.base, k + 5, packed.base, expected.base, n, m, n, k, accumulate, start)
        products.multiply(a.storage.base, lda: k + 5, packed: packed.base, into: got.base, ldc: n, m: m, n: n, k: k,
                          accumulate: accumulate, start: start)
      }
      #expect(maxDifference(expected, got) < 1e-4 * Float(k).squareRoot(), "m=\(m) n=\(n) k=\(k) \(mode)")
      // Against FP32: bf16 keeps 8 significant bits, so about 2⁻⁹ of each operand is lost.
      let exact = initial.storage.copy()
      if mode == "start" { for i in 0..<m { (exact.base + i * n).update(from: table.storage.base + i * n, count: n) } }
      Tensor.gemm(a.storage.base, transposeA: false, w.storage.base, transposeB: true, into: exact.base, m: m, n: n, k: k,
                  accumulate: mode != "zero", lda: k + 5)
      #expect(maxDifference(exact, got) < 0.02 * Float(k).squareRoot(), "against FP32, m=\(m) n=\(n) k=\(k) \(mode)")
    }
  }

  /// dW += Aᵀ B (A given as its transpose, k × m) and A's row sums on the way, across the
  /// kernel's chunks of 256 rows of k, odd k included.
  @Test(.enabled(if: runs, Comment(rawValue: noBF16)), arguments: [(8, 16, 5), (32, 48, 301), (64, 64, 1120)])
  func weightGradientMatchesTheReference(m: Int, n: Int, k: Int) {
    var g = RandomGenerator(seed: UInt64(m + n + k))
    let aT = Tensor.uniform([k, m + 8], low: -1, high: 1, using: &g)
    let b = Tensor.uniform([k, n], low: -1, high: 1, using: &g)
    let start = Tensor.uniform([m, n], low: -1, high: 1, using: &g)
    let products = PackedGemm(kernels: Self.kernels)
    let packed = TensorStorage(count: PackedGemm.packedCount(k: k, n: n)), scratch = TensorStorage(count: PackedGemm.scratchPerThread)
    products.pack(b.storage.base, k: k, n: n, rowStride: n, columnStride: 1, into: packed.base)
    let expected = start.storage.copy(), got = start.storage.copy()
    let expectedSums = TensorStorage(count: m), sums = TensorStorage(count: m)
    d2l_packed_gemm_at_bf16_reference(aT.storage.base, m + 8, packed.base, expected.base, n, m, n, k, expectedSums.base)
    products.kernels.table.packed_gemm_at(aT.storage.base, m + 8, packed.base, got.base, n, m, n, k, scratch.base, sums.base)
    #expect(maxDifference(expected, got) < 1e-4 * Float(k).squareRoot(), "m=\(m) n=\(n) k=\(k)")
    #expect(maxDifference(expectedSums, sums) < 1e-4 * Float(k).squareRoot(), "FP32 sums, m=\(m) k=\(k)")
    let exact = start.storage.copy()
    Tensor.gemm(aT.storage.base, transposeA: true, b.storage.base, transposeB: false, into: exact.base, m: m, n: n, k: k,
                accumulate: true, lda: m + 8)
    #expect(maxDifference(exact, got) < 0.02 * Float(k).squareRoot(), "against FP32, m=\(m) n=\(n) k=\(k)")
  }

  /// The bf16 loop's peak is measured, and where the CPU runs it, it is above zero.
  @Test(.enabled(if: runs, Comment(rawValue: noBF16)))
  func peakLoopRuns() {
    #expect(d2l_fma_flops(0.01, D2L_LEVEL_AVX512_BF16) > 0)
  }

  /// bf16 is refused, with the reason, on a CPU without AVX512_BF16 and when D2L_KERNELS caps the
  /// kernels below it; FP32 always runs.
  @Test func refusalSaysWhy() throws {
    let noCPU = try #require(KernelSet.bf16Refusal(cpuHasBF16: false, cap: .avx512bf16))
    #expect(noCPU.description.contains("AVX512_BF16"))
    let capped = try #require(KernelSet.bf16Refusal(cpuHasBF16: true, cap: .avx512))
    #expect(capped.description.contains("D2L_KERNELS"))
    #expect(KernelSet.bf16Refusal(cpuHasBF16: true, cap: .avx512bf16) == nil)
    #expect(!noCPU.description.contains("\n") && !capped.description.contains("\n"))
    try Precision.fp32.checkAvailable()
  }

  func maxDifference(_ a: TensorStorage, _ b: TensorStorage) -> Float {
    zip(a.buffer, b.buffer).map { abs($0 - $1) }.max() ?? 0
  }
}
