import CKernels

/// The contiguous Float32 buffer behind a `Tensor`.
///
/// A `final class` so that copies of a tensor share one buffer (no copy on assignment), with
/// 64-byte alignment so that SIMD loads and OpenBLAS kernels see aligned rows.
public final class TensorStorage {
  /// The first element.
  public let base: UnsafeMutablePointer<Float>
  /// The number of elements.
  public let count: Int

  /// Allocates `count` elements set to zero.
  public convenience init(count: Int) {
    self.init(uninitializedCount: count)
    base.initialize(repeating: 0, count: max(count, 1))
  }

  /// Allocates `count` elements without clearing them, for results that are about to be
  /// overwritten whole (a GEMM with β = 0, a copy): clearing megabytes first would cost time.
  public init(uninitializedCount count: Int) {
    _ = TensorStorage.keepsFreedMemory
    self.count = count
    let bytes = max(count, 1) * MemoryLayout<Float>.stride
    let huge = bytes >= Self.hugePage
    let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: huge ? Self.hugePage : 64)
    if huge { d2l_advise_huge_pages(raw, bytes) }
    base = raw.bindMemory(to: Float.self, capacity: max(count, 1))
  }

  /// Buffers from 2 MB on start at a 2 MB boundary and ask for transparent huge pages for their
  /// whole 2 MB extents. Training streams tens of megabytes (gates, their gradients, states)
  /// through the cores at every minibatch: with 4 KB pages that is thousands of pages, more than
  /// the TLB holds. Debian's transparent huge pages come only to memory that asks (THP mode
  /// "madvise"). The size is not rounded up, so memory stays as it was; the gain is small (1–3%
  /// on the chapter's LSTM, docs/performance.md), as it is with glibc's own
  /// `glibc.malloc.hugetlb=1`, which advises the whole heap.
  static let hugePage = 2 << 20

  /// Allocates a buffer holding a copy of `values`.
  public convenience init<C: Collection>(copying values: C) where C.Element == Float {
    self.init(count: values.count)
    var p = base
    for v in values { p.pointee = v; p += 1 }
  }

  deinit { base.deallocate() }

  /// Training frees and allocates the same megabyte-sized tensors every minibatch. glibc gives
  /// freed memory at the top of its heap back to the kernel (its trim threshold follows the
  /// largest block it has mapped, a few MB), so each minibatch page-faulted its tensors in
  /// again: about 370 faults a minibatch, and 0.5 ms of the chapter's 31 ms went to them. With
  /// fixed thresholds glibc keeps freed memory for the next minibatch (PyTorch's CPU allocator
  /// caches for the same reason); the peak is unchanged, and memory stays flat between epochs.
  /// True once glibc has taken the thresholds (set before the first tensor is allocated).
  static let keepsFreedMemory: Bool = d2l_keep_freed_memory()

  /// The elements as a buffer pointer.
  @inlinable public var buffer: UnsafeMutableBufferPointer<Float> {
    UnsafeMutableBufferPointer(start: base, count: count)
  }

  /// Sets every element to zero.
  public func zero() { base.update(repeating: 0, count: count) }

  /// A new buffer with the same elements.
  public func copy() -> TensorStorage {
    let c = TensorStorage(uninitializedCount: count)
    c.base.initialize(from: base, count: count)
    return c
  }
}
