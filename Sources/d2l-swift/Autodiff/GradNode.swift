/// One recorded operation on the tape: micrograd's `Value`, at tensor granularity.
///
/// A node knows the nodes it was computed from (`parents`) and how to pass a gradient back to
/// them (`pullback`). Gradients *accumulate* (`+=`), so a value used twice receives both
/// contributions, and a parameter's gradient adds up over several `backward()` calls until it
/// is zeroed.
final class GradNode {
  /// What produced this node ("matmul", "tanh", ...), for debugging and messages.
  let op: String
  /// The number of elements of the value this node stands for.
  let count: Int
  /// The nodes this one was computed from.
  let parents: [GradNode]
  /// Receives d(loss)/d(this value) and accumulates into the parents' gradients.
  let pullback: ((TensorStorage) -> Void)?
  /// d(loss)/d(this value), allocated on first accumulation.
  var grad: TensorStorage?

  init(op: String, count: Int, parents: [GradNode], pullback: ((TensorStorage) -> Void)?) {
    self.op = op
    self.count = count
    self.parents = parents
    self.pullback = pullback
  }

  /// Is this a leaf (a parameter or an input that requires a gradient)?
  var isLeaf: Bool { pullback == nil }

  /// The gradient buffer, created as zeros when first needed.
  func gradBuffer() -> TensorStorage {
    if let g = grad { return g }
    let g = TensorStorage(count: count)
    grad = g
    return g
  }

  /// Adds `delta` into this node's gradient. The first delta is copied, not added to zeros: one
  /// pass over memory instead of two. (Not kept as it is: the caller may still use it, or hand
  /// the same storage to another operand too.)
  func accumulate(_ delta: TensorStorage) {
    accumulate(handingOver: grad == nil ? delta.copy() : delta)
  }

  /// Adds `delta`, which the caller hands over: a buffer it made for this node alone and does
  /// not touch again. The first one becomes the gradient as it is, with no copy.
  func accumulate(handingOver delta: TensorStorage) {
    guard let g = grad else {
      grad = delta
      return
    }
    Kernels.add(g.base, delta.base, into: g.base, count: count)
  }
}

/// Whether operations record themselves on the tape. See `withoutGradients(_:)`.
/// A task-local, so that concurrent tasks (parallel tests, a lesson beside a training run) each
/// have their own mode.
enum GradMode {
  @TaskLocal static var isEnabled = true
}

/// Runs `body` without recording gradients, as PyTorch's `torch.no_grad()`: prediction,
/// evaluation and optimiser updates need no tape.
@discardableResult
public func withoutGradients<R>(_ body: () throws -> R) rethrows -> R {
  try GradMode.$isEnabled.withValue(false) { try body() }
}

extension Tensor {
  /// A copy of this tensor's handle that records gradients: a leaf of the tape, as a
  /// parameter is. It shares the storage.
  public func requiringGradient() -> Tensor {
    Tensor(shape: shape, storage: storage, node: GradNode(op: "leaf", count: count, parents: [], pullback: nil))
  }

  /// Does this value take part in gradient recording?
  public var requiresGradient: Bool { node != nil }

  /// The same values, cut from the tape: no gradient flows back through the result.
  public func detached() -> Tensor { Tensor(shape: shape, storage: storage) }

  /// The accumulated gradient d(loss)/d(self), if `backward()` has reached this value.
  public var gradient: Tensor? {
    guard let g = node?.grad else { return nil }
    return Tensor(shape: shape, storage: g)
  }

  /// Sets the accumulated gradient to zero.
  public func zeroGradient() { node?.grad?.zero() }

  /// Makes a result tensor, recording a node when any operand records gradients.
  ///
  /// `pullback` receives d(loss)/d(result) and must accumulate into the operands' nodes.
  static func result(
    _ op: String, shape: [Int], storage: TensorStorage, operands: [Tensor],
    pullback: @escaping (TensorStorage) -> Void
  ) -> Tensor {
    guard GradMode.isEnabled else { return Tensor(shape: shape, storage: storage) }
    let parents = operands.compactMap(\.node)
    guard !parents.isEmpty else { return Tensor(shape: shape, storage: storage) }
    let node = GradNode(op: op, count: storage.count, parents: parents, pullback: pullback)
    return Tensor(shape: shape, storage: storage, node: node)
  }

  /// Back-propagates from this value: d(self)/d(self) = 1, then every node in reverse
  /// topological order passes its gradient to its parents. Leaves keep (and accumulate) their
  /// gradients; intermediate gradients are released when no longer needed.
  ///
  /// - Parameter seed: d(loss)/d(self); ones when omitted, so a scalar loss needs none.
  public func backward(seed: Tensor? = nil) {
    guard let root = node else {
      fail("backward() on a value that does not record gradients")
    }
    if let seed {
      check(seed.shape == shape, "backward seed \(Tensor.describe(seed.shape)) vs value \(Tensor.describe(shape))")
      root.accumulate(seed.storage)
    } else {
      let ones = TensorStorage(count: count)
      ones.base.update(repeating: 1, count: count)
      root.accumulate(ones)
    }
    // Topological order by an iterative depth-first search (graphs of long sequences are deep).
    var order: [GradNode] = []
    var visited = Set<ObjectIdentifier>()
    var stack: [(GradNode, Bool)] = [(root, false)]
    while let (n, expanded) = stack.popLast() {
      if expanded { order.append(n); continue }
      if !visited.insert(ObjectIdentifier(n)).inserted { continue }
      stack.append((n, true))
      for p in n.parents where !visited.contains(ObjectIdentifier(p)) { stack.append((p, false)) }
    }
    for n in order.reversed() {
      guard let pullback = n.pullback, let g = n.grad else { continue }
      PhaseClock.measure("bwd op \(n.op)") { pullback(g) }  // `lessons bench --phases`
      n.grad = nil  // an intermediate's gradient is spent once passed on
    }
  }
}
