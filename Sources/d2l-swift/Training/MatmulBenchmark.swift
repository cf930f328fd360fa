import CBLAS
import Foundation

extension Benchmark {
  /// The library's `Tensor.matmul` against `cblas_sgemm` called directly on the same buffers.
  public struct MatmulResult: Sendable {
    public let m: Int, k: Int, n: Int
    /// Median seconds per product.
    public let librarySeconds: Double
    /// `Tensor.gemm` into a preallocated result: the library's product without the allocation.
    public let gemmSeconds: Double
    public let blasSeconds: Double
    /// library / BLAS: 1.0 means no overhead.
    public var ratio: Double { librarySeconds / blasSeconds }
    public var libraryGflops: Double { 2 * Double(m * k * n) / librarySeconds / 1e9 }
    public var blasGflops: Double { 2 * Double(m * k * n) / blasSeconds / 1e9 }
  }

  /// Times (m×k)·(k×n) both ways and reports the medians of `rounds` rounds. The direct call
  /// gets as many OpenBLAS threads as the library's team has, so both use the same cores.
  public static func matmul(m: Int, k: Int, n: Int, rounds: Int = 31, repeats: Int = 10) -> MatmulResult {
    var generator = RandomGenerator(seed: 1)
    let a = Tensor.uniform([m, k], low: -1, high: 1, using: &generator)
    let b = Tensor.uniform([k, n], low: -1, high: 1, using: &generator)
    let c = TensorStorage(count: m * n)
    func time(_ body: () -> Void) -> Double {
      let start = DispatchTime.now().uptimeNanoseconds
      for _ in 0..<repeats { body() }
      return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 / Double(repeats)
    }
    var library: [Double] = [], gemm: [Double] = [], blas: [Double] = []
    withoutGradients {
      for _ in 0..<3 { _ = a.matmul(b) }  // warm caches and the team's threads
      for _ in 0..<rounds {
        library.append(time { _ = a.matmul(b) })
        gemm.append(time {
          Tensor.gemm(a.storage.base, transposeA: false, b.storage.base, transposeB: false, into: c.base,
                      m: m, n: n, k: k, accumulate: false)
        })
      }
    }
    // The direct calls come last, not interleaved: once OpenBLAS has run with threads, its idle
    // threads busy-wait for a while and would slow whatever runs next on the other core.
    openblas_set_num_threads(Int32(WorkerTeam.shared.size))
    for _ in 0..<rounds {
      blas.append(time {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1,
                    a.storage.base, Int32(k), b.storage.base, Int32(n), 0, c.base, Int32(n))
      })
    }
    openblas_set_num_threads(1)
    func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
    return MatmulResult(m: m, k: k, n: n, librarySeconds: median(library), gemmSeconds: median(gemm), blasSeconds: median(blas))
  }
}
