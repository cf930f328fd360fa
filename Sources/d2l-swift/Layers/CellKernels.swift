/// The pointwise part of one time step of each cell, forward and backward, fused: one pass over
/// memory each way (llm.c's forward/backward pairs). The matrix products around them live in
/// `RecurrentLayerPass`.
///
/// Letters: B = batch, H = hidden. `g` points at the step's (B, G·H) gate block, which holds the
/// pre-activations on entry to `forward` and the activations after it.
enum CellKernels {
  // MARK: - RNN: H_t = tanh(A), A = X_t W_ihᵀ + b_ih + H_{t-1} W_hhᵀ + b_hh

  @inline(__always)
  static func rnnForward(g: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>, count: Int) {
    for k in 0..<count { h[k] = VectorMath.tanh(g[k]) }
  }

  /// dA = dH ⊙ (1 - H_t²), written into `dA`.
  @inline(__always)
  static func rnnBackward(dh: UnsafePointer<Float>, h: UnsafePointer<Float>, dA: UnsafeMutablePointer<Float>, count: Int) {
    for k in 0..<count { dA[k] = dh[k] * (1 - h[k] * h[k]) }
  }

  // MARK: - LSTM: gates i, f, g, o; C_t = f ⊙ C_{t-1} + i ⊙ g; H_t = o ⊙ tanh(C_t)

  static func lstmForward(
    g: UnsafeMutablePointer<Float>, cPrev: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
    tanhC: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>, batch: Int, hidden H: Int
  ) {
    for b in 0..<batch {
      let row = g + b * 4 * H
      let (ig, fg, gg, og) = (row, row + H, row + 2 * H, row + 3 * H)
      let off = b * H
      for j in 0..<H {
        let i = VectorMath.sigmoid(ig[j]), f = VectorMath.sigmoid(fg[j])
        let n = VectorMath.tanh(gg[j]), o = VectorMath.sigmoid(og[j])
        ig[j] = i; fg[j] = f; gg[j] = n; og[j] = o
        let cell = f * cPrev[off + j] + i * n
        let t = VectorMath.tanh(cell)
        c[off + j] = cell
        tanhC[off + j] = t
        h[off + j] = o * t
      }
    }
  }

  /// From dH (and the running dC), the gate pre-activation gradients into `dG` (B, 4H);
  /// `dc` becomes d(loss)/d(C_{t-1}) through the forget gate.
  static func lstmBackward(
    dh: UnsafePointer<Float>, dc: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>,
    cPrev: UnsafePointer<Float>, tanhC: UnsafePointer<Float>, dG: UnsafeMutablePointer<Float>,
    batch: Int, hidden H: Int
  ) {
    for b in 0..<batch {
      let row = g + b * 4 * H, drow = dG + b * 4 * H
      let off = b * H
      for j in 0..<H {
        let i = row[j], f = row[H + j], n = row[2 * H + j], o = row[3 * H + j]
        let t = tanhC[off + j]
        let dhj = dh[off + j]
        let dcell = dc[off + j] + dhj * o * (1 - t * t)
        drow[j] = dcell * n * i * (1 - i)
        drow[H + j] = dcell * cPrev[off + j] * f * (1 - f)
        drow[2 * H + j] = dcell * i * (1 - n * n)
        drow[3 * H + j] = dhj * t * o * (1 - o)
        dc[off + j] = dcell * f
      }
    }
  }

  // MARK: - GRU: r, z, n; H_t = (1 - z) ⊙ n + z ⊙ H_{t-1}, n = tanh(A_n + r ⊙ (W_hn H_{t-1} + b_hn))

  /// `g` holds X_t W_ihᵀ + b_ih, `gh` holds H_{t-1} W_hhᵀ + b_hh (both (B, 3H)); stores r, z, n
  /// into `g` and the W_hn H_{t-1} + b_hn part into `hn`.
  static func gruForward(
    g: UnsafeMutablePointer<Float>, gh: UnsafePointer<Float>, hPrev: UnsafePointer<Float>,
    hn: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>, batch: Int, hidden H: Int
  ) {
    for b in 0..<batch {
      let row = g + b * 3 * H, hrow = gh + b * 3 * H
      let off = b * H
      for j in 0..<H {
        let r = VectorMath.sigmoid(row[j] + hrow[j])
        let z = VectorMath.sigmoid(row[H + j] + hrow[H + j])
        let hiddenPart = hrow[2 * H + j]
        let n = VectorMath.tanh(row[2 * H + j] + r * hiddenPart)
        row[j] = r; row[H + j] = z; row[2 * H + j] = n
        hn[off + j] = hiddenPart
        h[off + j] = (1 - z) * n + z * hPrev[off + j]
      }
    }
  }

  /// Writes d(loss)/d(input pre-activations) into `dGx`, d(loss)/d(hidden pre-activations) into
  /// `dGh` (they differ only in the n block, by the reset gate), and the direct part z ⊙ dH of
  /// d(loss)/d(H_{t-1}) into `dhPrev`.
  static func gruBackward(
    dh: UnsafePointer<Float>, g: UnsafePointer<Float>, hPrev: UnsafePointer<Float>,
    hn: UnsafePointer<Float>, dGx: UnsafeMutablePointer<Float>, dGh: UnsafeMutablePointer<Float>,
    dhPrev: UnsafeMutablePointer<Float>, batch: Int, hidden H: Int
  ) {
    for b in 0..<batch {
      let row = g + b * 3 * H, dx = dGx + b * 3 * H, dhh = dGh + b * 3 * H
      let off = b * H
      for j in 0..<H {
        let r = row[j], z = row[H + j], n = row[2 * H + j]
        let d = dh[off + j]
        let dn = d * (1 - z) * (1 - n * n)  // through n = tanh(·)
        let dz = d * (hPrev[off + j] - n) * z * (1 - z)
        let dr = dn * hn[off + j] * r * (1 - r)
        dx[j] = dr; dx[H + j] = dz; dx[2 * H + j] = dn
        dhh[j] = dr; dhh[H + j] = dz; dhh[2 * H + j] = dn * r
        dhPrev[off + j] = d * z
      }
    }
  }
}
