/// Operations with several results (a recurrent layer returns its outputs *and* its final
/// states) record one node for the whole operation; each result is a child of it that routes its
/// gradient into the right part of the shared gradient buffer.
extension Tensor {
  /// Makes one tensor per `(shape, storage)` in `outputs`. When gradients are recorded, the
  /// `pullback` receives, for each output, a pointer to d(loss)/d(output) (zeros where no
  /// gradient arrived) and must accumulate into the operands.
  static func multiOutput(
    _ op: String, outputs: [(shape: [Int], storage: TensorStorage)], operands: [Tensor],
    pullback: @escaping ([UnsafeMutablePointer<Float>]) -> Void
  ) -> [Tensor] {
    let parents = operands.compactMap(\.node)
    guard GradMode.isEnabled, !parents.isEmpty else {
      return outputs.map { Tensor(shape: $0.shape, storage: $0.storage) }
    }
    let counts = outputs.map(\.storage.count)
    let offsets = counts.indices.map { counts[..<$0].reduce(0, +) }
    let whole = GradNode(op: op, count: counts.reduce(0, +), parents: parents) { g in
      pullback(offsets.map { g.base + $0 })
    }
    return outputs.indices.map { k in
      let part = GradNode(op: "\(op)[\(k)]", count: counts[k], parents: [whole]) { g in
        guard let buffer = whole.grad else {
          // The first part to arrive is copied into place, and only the rest is zeroed (one
          // pass over each element, where zeros plus an addition made two for this part).
          let buffer = TensorStorage(uninitializedCount: whole.count), end = offsets[k] + counts[k]
          buffer.base.initialize(repeating: 0, count: offsets[k])
          (buffer.base + offsets[k]).initialize(from: g.base, count: counts[k])
          (buffer.base + end).initialize(repeating: 0, count: whole.count - end)
          whole.grad = buffer
          return
        }
        let dst = buffer.base + offsets[k]
        Kernels.add(dst, g.base, into: dst, count: counts[k])
      }
      return Tensor(shape: outputs[k].shape, storage: outputs[k].storage, node: part)
    }
  }

  /// The gradient buffer of a parameter that records gradients, for kernels that accumulate
  /// into it directly (GEMM with beta = 1) instead of building a separate delta.
  var gradientBuffer: UnsafeMutablePointer<Float>? { node?.gradBuffer().base }
}
