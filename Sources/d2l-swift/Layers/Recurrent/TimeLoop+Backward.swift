/// The backward time loop (BPTT): steps in reverse, the cell's fused backward kernel, then one
/// product dG_t W_hh per step for dH_{t-1}, and dG_t W_ih for a dense input's gradient while
/// dG_t is in cache. A one-hot input's weight gradient lands in the column of each row's token:
/// each thread sums its rows of dG_t per token, into its own (V, G·H) block of `perToken`.
extension TimeLoop {
  /// The upstream gradients: of the outputs (T, B, H), and of H_T (B, H); where each thread
  /// puts its per-token sums (null without token input); whether d(loss)/d(H_0) is wanted.
  struct Upstream {
    let dOutput: UnsafePointer<Float>
    let dX: UnsafeMutablePointer<Float>?
    let perToken: UnsafeMutablePointer<Float>?
    let needsInitialStateGradient: Bool
  }

  /// Runs every step in reverse on `split.parts` threads, from dH_T in `ws.dState` (and dC_T in
  /// `ws.dCell`). Returns where d(loss)/d(H_0) ended up.
  func backward(_ split: Partition, _ upstream: Upstream) -> UnsafeMutablePointer<Float> {
    team.run(parts: split.parts) { p in backwardPart(p, split, upstream) }
    // After T swaps the running dH is in dState when T is even, else in dStateNext.
    return T % 2 == 0 ? ws.dState.base : ws.dStateNext.base
  }

  private func backwardPart(_ p: Int, _ split: Partition, _ up: Upstream) {
    // B(kk, j) = W[kk, j]: dG_t W_hh, and dG_t W_ih for a dense input.
    products.pack(whh, k: GH, n: H, rowStride: H, columnStride: 1, into: ws.packedBackward.base, part: p, of: split.parts)
    if up.dX != nil {
      products.pack(wih, k: GH, n: I, rowStride: I, columnStride: 1, into: ws.packedInputBackward.base, part: p, of: split.parts)
    }
    team.sync(parts: split.parts)
    let rows = split.rows(p), b0 = rows.lowerBound, nb = rows.count
    var dh = ws.dState.base + b0 * H, dhNext = ws.dStateNext.base + b0 * H
    for t in stride(from: T - 1, through: 0, by: -1) {
      var step = ws.step(t, rows: rows, units: 0..<H)
      (step.dh, step.dy, step.dh_prev) = (UnsafePointer(dh), up.dOutput + (t * B + b0) * H, dhNext)
      kernels.backward(&step)  // the GRU's writes the direct part z ⊙ dH_t into dhNext first
      // dH_{t-1} (+)= dG_t · W_hh. At t = 0 that is d(loss)/d(H_0), needed only when the
      // initial state takes gradients (not in training, whose state is detached).
      if t > 0 || up.needsInitialStateGradient {
        products.multiply(step.dgh, lda: GH, packed: ws.packedBackward.base, into: dhNext, ldc: H,
                          m: nb, n: H, k: GH, accumulate: cell.separateHiddenGates)
      }
      if let dX = up.dX {
        products.multiply(step.dg, lda: GH, packed: ws.packedInputBackward.base, into: dX + (t * B + b0) * I, ldc: I,
                          m: nb, n: I, k: GH, accumulate: true)
      }
      if let perToken = up.perToken {
        for b in 0..<nb {
          let sum = perToken + (p * I + Int(tokens[t * B + b0 + b])) * GH
          Kernels.add(sum, step.dg + b * GH, into: sum, count: GH)
        }
      }
      swap(&dh, &dhNext)
    }
  }
}
