import CKernels

/// The pointwise part of one time step of each cell, forward and backward, fused: one pass over
/// memory each way (llm.c's forward/backward pairs), 8 hidden units per instruction. The matrix
/// products around them live in `RecurrentLayerPass`. Pointers point at the step's blocks:
/// gates (B, G·H), states (B, H), with rows `hidden` wide per gate. Each call handles `batch`
/// rows and, of each row, the hidden units `units` (a thread's share of the batch or of the units).
/// The backward cells take dH_t in two parts, `dh` (from step t+1) and `dy` (from the layer's
/// output), and add them as they load them.
enum CellKernels {
  /// Runs `span(from, to)` over 0..<width: `CellVector`s for the bulk, then scalars.
  @inline(__always)
  static func split(_ width: Int, _ vector: (Int, Int) -> Void, _ scalar: (Int, Int) -> Void) {
    let bulk = width - width % CellVector.scalarCount
    if bulk > 0 { vector(0, bulk) }
    if bulk < width { scalar(bulk, width) }
  }

  // MARK: - RNN: H_t = tanh(A), A = X_t W_ihᵀ + b_ih + H_{t-1} W_hhᵀ + b_hh

  static func rnnForward(g: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>, batch: Int, hidden: Int, units: Range<Int>) {
    for b in 0..<batch {
      let a = g + b * hidden + units.lowerBound, out = h + b * hidden + units.lowerBound
      split(units.count, { rnnForward(CellVector.self, a, out, $0, $1) }, { rnnForward(Float.self, a, out, $0, $1) })
    }
  }

  @inline(__always)
  static func rnnForward<V: Lanes>(_: V.Type, _ a: UnsafeMutablePointer<Float>, _ h: UnsafeMutablePointer<Float>, _ from: Int, _ to: Int) {
    var j = from
    while j < to { V.load(a + j).tanh.store(h + j); j += V.width }
  }

  /// dA = dH ⊙ (1 - H_t²).
  static func rnnBackward(
    dh: UnsafePointer<Float>, dy: UnsafePointer<Float>, h: UnsafePointer<Float>, dA: UnsafeMutablePointer<Float>,
    batch: Int, hidden: Int, units: Range<Int>
  ) {
    for b in 0..<batch {
      let s = b * hidden + units.lowerBound, args = (dh + s, dy + s, h + s, dA + s)
      split(units.count, { rnnBackward(CellVector.self, args, $0, $1) }, { rnnBackward(Float.self, args, $0, $1) })
    }
  }

  @inline(__always)
  static func rnnBackward<V: Lanes>(
    _: V.Type, _ p: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>),
    _ from: Int, _ to: Int
  ) {
    let (dh, dy, h, dA) = p
    var j = from
    let one = V(repeating: 1)
    while j < to {
      let y = V.load(h + j)
      ((V.load(dh + j) + V.load(dy + j)) * (one - y * y)).store(dA + j)
      j += V.width
    }
  }

  // MARK: - LSTM: gates i, f, g, o; C_t = f ⊙ C_{t-1} + i ⊙ g; H_t = o ⊙ tanh(C_t)

  static func lstmForward(
    g: UnsafeMutablePointer<Float>, cPrev: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>,
    tanhC: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>, batch: Int, hidden: Int, units: Range<Int>,
    kernel: VectorKernel = .best
  ) {
    if kernel == .avx512 {
      d2l_lstm_forward_avx512(g, cPrev, c, tanhC, h, batch, hidden, units.lowerBound, units.count)
      return
    }
    for b in 0..<batch {
      let row = g + b * 4 * hidden + units.lowerBound, s = b * hidden + units.lowerBound
      let args = (row, hidden, cPrev + s, c + s, tanhC + s, h + s)
      split(units.count, { lstmForward(CellVector.self, args, $0, $1) }, { lstmForward(Float.self, args, $0, $1) })
    }
  }

  @inline(__always)
  static func lstmForward<V: Lanes>(
    _: V.Type,
    _ p: (UnsafeMutablePointer<Float>, Int, UnsafePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>),
    _ from: Int, _ to: Int
  ) {
    let (row, w, cPrev, c, tanhC, h) = p
    var j = from
    while j < to {
      let i = V.load(row + j).sigmoid, f = V.load(row + w + j).sigmoid
      let n = V.load(row + 2 * w + j).tanh, o = V.load(row + 3 * w + j).sigmoid
      i.store(row + j); f.store(row + w + j); n.store(row + 2 * w + j); o.store(row + 3 * w + j)
      let cell = f * V.load(cPrev + j) + i * n
      let t = cell.tanh
      cell.store(c + j)
      t.store(tanhC + j)
      (o * t).store(h + j)
      j += V.width
    }
  }

  /// From dH (and the running dC), the gate pre-activation gradients into `dG`; `dc` becomes
  /// d(loss)/d(C_{t-1}) through the forget gate.
  static func lstmBackward(
    dh: UnsafePointer<Float>, dy: UnsafePointer<Float>, dc: UnsafeMutablePointer<Float>, g: UnsafePointer<Float>,
    cPrev: UnsafePointer<Float>, tanhC: UnsafePointer<Float>, dG: UnsafeMutablePointer<Float>,
    batch: Int, hidden: Int, units: Range<Int>, kernel: VectorKernel = .best
  ) {
    if kernel == .avx512 {
      d2l_lstm_backward_avx512(dh, dy, dc, g, cPrev, tanhC, dG, batch, hidden, units.lowerBound, units.count)
      return
    }
    for b in 0..<batch {
      let r = b * 4 * hidden + units.lowerBound, s = b * hidden + units.lowerBound
      let args = (g + r, dG + r, hidden, dh + s, dy + s, dc + s, cPrev + s, tanhC + s)
      split(units.count, { lstmBackward(CellVector.self, args, $0, $1) }, { lstmBackward(Float.self, args, $0, $1) })
    }
  }

  @inline(__always)
  static func lstmBackward<V: Lanes>(
    _: V.Type,
    _ p: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int, UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>,
          UnsafePointer<Float>, UnsafePointer<Float>),
    _ from: Int, _ to: Int
  ) {
    let (row, drow, w, dh, dy, dc, cPrev, tanhC) = p
    let one = V(repeating: 1)
    var j = from
    while j < to {
      let i = V.load(row + j), f = V.load(row + w + j), n = V.load(row + 2 * w + j), o = V.load(row + 3 * w + j)
      let t = V.load(tanhC + j), d = V.load(dh + j) + V.load(dy + j)
      let dcell = V.load(dc + j) + d * o * (one - t * t)
      (dcell * n * i * (one - i)).store(drow + j)
      (dcell * V.load(cPrev + j) * f * (one - f)).store(drow + w + j)
      (dcell * i * (one - n * n)).store(drow + 2 * w + j)
      (d * t * o * (one - o)).store(drow + 3 * w + j)
      (dcell * f).store(dc + j)
      j += V.width
    }
  }

  // MARK: - GRU: r, z, n; H_t = (1 - z) ⊙ n + z ⊙ H_{t-1}, n = tanh(A_n + r ⊙ (W_hn H_{t-1} + b_hn))

  /// `g` holds X_t W_ihᵀ + b_ih, `gh` holds H_{t-1} W_hhᵀ + b_hh (both (B, 3H));
  /// stores r, z, n into `g` and the W_hn H_{t-1} + b_hn part into `hn` (B, H).
  static func gruForward(
    g: UnsafeMutablePointer<Float>, gh: UnsafePointer<Float>, hPrev: UnsafePointer<Float>,
    hn: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>, batch: Int, hidden: Int, units: Range<Int>
  ) {
    for b in 0..<batch {
      let r = b * 3 * hidden + units.lowerBound, s = b * hidden + units.lowerBound
      let args = (g + r, gh + r, hidden, hPrev + s, hn + s, h + s)
      split(units.count, { gruForward(CellVector.self, args, $0, $1) }, { gruForward(Float.self, args, $0, $1) })
    }
  }

  @inline(__always)
  static func gruForward<V: Lanes>(
    _: V.Type,
    _ p: (UnsafeMutablePointer<Float>, UnsafePointer<Float>, Int, UnsafePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>),
    _ from: Int, _ to: Int
  ) {
    let (row, hrow, w, hPrev, hn, h) = p
    let one = V(repeating: 1)
    var j = from
    while j < to {
      let r = (V.load(row + j) + V.load(hrow + j)).sigmoid
      let z = (V.load(row + w + j) + V.load(hrow + w + j)).sigmoid
      let hiddenPart = V.load(hrow + 2 * w + j)
      let n = (V.load(row + 2 * w + j) + r * hiddenPart).tanh
      r.store(row + j); z.store(row + w + j); n.store(row + 2 * w + j)
      hiddenPart.store(hn + j)
      ((one - z) * n + z * V.load(hPrev + j)).store(h + j)
      j += V.width
    }
  }

  /// Writes d(loss)/d(input pre-activations) into `dGx`, d(loss)/d(hidden pre-activations) into
  /// `dGh` (they differ only in the n block, by the reset gate), and the direct part z ⊙ dH of
  /// d(loss)/d(H_{t-1}) into `dhPrev`.
  static func gruBackward(
    dh: UnsafePointer<Float>, dy: UnsafePointer<Float>, g: UnsafePointer<Float>, hPrev: UnsafePointer<Float>,
    hn: UnsafePointer<Float>, dGx: UnsafeMutablePointer<Float>, dGh: UnsafeMutablePointer<Float>,
    dhPrev: UnsafeMutablePointer<Float>, batch: Int, hidden: Int, units: Range<Int>
  ) {
    for b in 0..<batch {
      let r = b * 3 * hidden + units.lowerBound, s = b * hidden + units.lowerBound
      let args = (g + r, dGx + r, dGh + r, hidden, (dh + s, dy + s), hPrev + s, hn + s, dhPrev + s)
      split(units.count, { gruBackward(CellVector.self, args, $0, $1) }, { gruBackward(Float.self, args, $0, $1) })
    }
  }

  @inline(__always)
  static func gruBackward<V: Lanes>(
    _: V.Type,
    _ p: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, Int, (UnsafePointer<Float>, UnsafePointer<Float>),
          UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>),
    _ from: Int, _ to: Int
  ) {
    let (row, dx, dhh, w, (dh, dy), hPrev, hn, dhPrev) = p
    let one = V(repeating: 1)
    var j = from
    while j < to {
      let r = V.load(row + j), z = V.load(row + w + j), n = V.load(row + 2 * w + j)
      let d = V.load(dh + j) + V.load(dy + j)
      let dn = d * (one - z) * (one - n * n)  // through n = tanh(·)
      let dz = d * (V.load(hPrev + j) - n) * z * (one - z)
      let dr = dn * V.load(hn + j) * r * (one - r)
      dr.store(dx + j); dz.store(dx + w + j); dn.store(dx + 2 * w + j)
      dr.store(dhh + j); dz.store(dhh + w + j); (dn * r).store(dhh + 2 * w + j)
      (d * z).store(dhPrev + j)
      j += V.width
    }
  }
}
