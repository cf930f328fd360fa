/// A bidirectional layer's two passes at once, one per core: the forward direction on one
/// thread and the reverse on the other, forward and backward, each with the whole batch.
///
/// The two passes share nothing but their input's values, so they need no barrier; split by
/// rows instead, each pass would meet its partner before every weight product, and each core
/// would stream both directions' W_hh for half the rows. The two passes are one tape operation,
/// so that their backward passes run together too.
struct BothDirections {
  let forward: RecurrentLayerPass, reverse: RecurrentLayerPass
  let team: WorkerTeam
  let kernels: KernelSet

  /// Runs both passes (the reverse one already reading its reversed input) and returns each
  /// one's outputs (T, B, H), H_T and C_T, recorded as one operation.
  func callAsFunction(
    inputs: [RecurrentInput], steps T: Int, batch B: Int, h0: [Tensor], c0: [Tensor?], workspaces: [RecurrentWorkspace]
  ) -> [(output: Tensor, h: Tensor, c: Tensor?)] {
    check(team.size == 2, "BothDirections: needs a team of two, not \(team.size)")
    let passes = [forward, reverse]
    let runs = PerPart<RecurrentLayerPass.Run>(parts: 2)
    // The time loops only compute; the tape operation is recorded below, on this thread (the
    // gradient mode is a task-local, which the helper thread would not see).
    team.run(parts: 2) { d in
      runs[d] = passes[d].forward(inputs[d], steps: T, batch: B, h0: h0[d], c0: c0[d], workspace: workspaces[d],
                                  team: .solo, parts: 1, kernels: kernels)
    }
    let (f, r) = (runs[0]!, runs[1]!)
    let kind = forward.kind
    let tensors = Tensor.multiOutput("bidirectional \(kind.displayName) layer", outputs: f.outputs + r.outputs,
                                     operands: f.operands + r.operands) { grads in
      let n = f.outputs.count
      let split = [Array(grads[..<n]), Array(grads[n...])]
      team.run(parts: 2) { d in (d == 0 ? f : r).pullback(split[d]) }
    }
    let n = f.outputs.count
    return [0, n].map { (tensors[$0], tensors[$0 + 1], kind.hasCellState ? tensors[$0 + 2] : nil) }
  }
}

/// One result slot per part, each written by its own thread (an array's elements written from
/// two threads at once would not be safe).
final class PerPart<Value>: @unchecked Sendable {
  private let slots: UnsafeMutablePointer<Value?>
  private let parts: Int

  init(parts: Int) {
    self.parts = parts
    slots = .allocate(capacity: parts)
    slots.initialize(repeating: nil, count: parts)
  }

  deinit {
    slots.deinitialize(count: parts)
    slots.deallocate()
  }

  subscript(part: Int) -> Value? {
    get { slots[part] }
    set { slots[part] = newValue }
  }
}
