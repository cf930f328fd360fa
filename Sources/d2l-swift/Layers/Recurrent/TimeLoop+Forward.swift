/// The forward time loop: each step adds the recurrent product H_{t-1} W_hhᵀ to the input's
/// share of the gates and applies the cell's fused kernel.
///
/// The input's share is made step by step inside the loop too, where it stays in cache for the
/// recurrent product: a dense input's X_t W_ihᵀ on weights packed once (one GEMM over all steps
/// was slower: its operands were cold, and its (T·B, G·H) result made a round trip through
/// memory); a one-hot input's row of the table W_ihᵀ + b, from which the recurrent product starts.
extension TimeLoop {
  /// Runs every step on `split.parts` threads.
  func forward(_ split: Partition) {
    team.run(parts: split.parts) { p in forwardPart(p, split) }
  }

  private func forwardPart(_ p: Int, _ split: Partition) {
    let rows = split.rows(p), units = split.units(p)
    packForwardWeights(p, split, units: units)
    let starts = StartRows(rows: rows.count, bias: ws.biasIH.base, hiddenBias: ws.biasHH.base)
    defer { starts.deallocate() }
    for t in 0..<T {
      let recurrentStart = inputSide(t, rows: rows, units: units, starts)
      if t > 0 && split.meetsEveryStep { team.sync(parts: split.parts) }  // all of H_{t-1} is written
      let hPrev = ws.states.base + (t * B + rows.lowerBound) * H
      if cell.separateHiddenGates {  // H_{t-1} W_hhᵀ + b_hh on its own, for the cell to combine
        gateProduct(hPrev, k: H, packed: ws.packedForward.base, into: ws.stepHidden.base + rows.lowerBound * GH,
                    rows: rows.count, units: units, start: starts.hiddenBias, starts)
      } else {  // added to the input's share, or started from the token's row
        gateProduct(hPrev, k: H, packed: ws.packedForward.base, into: gates(t, rows), rows: rows.count, units: units,
                    start: recurrentStart, starts)
      }
      var step = ws.step(t, rows: rows, units: units)
      kernels.forward(&step)
    }
  }

  /// The gates of step t for `rows`: (rows, G·H).
  func gates(_ t: Int, _ rows: Range<Int>) -> UnsafeMutablePointer<Float> { ws.gates.base + (t * B + rows.lowerBound) * GH }

  /// Packs W_hh (and a dense input's W_ih) gate by gate. Parts that share rows pack a share of
  /// every gate's panels and meet before using them; parts that share units each pack their own.
  private func packForwardWeights(_ p: Int, _ split: Partition, units: Range<Int>) {
    let (part, of) = split.byRows ? (p, split.parts) : (0, 1)
    let u0 = units.lowerBound
    for q in 0..<G {
      for (w, k, packed) in [(whh, H, ws.packedForward.base)] + (x == nil ? [] : [(wih, I, ws.packedInputForward.base)]) {
        products.pack(w + (q * H + u0) * k, k: k, n: units.count, rowStride: 1, columnStride: k,
                      into: packed + q * packedGate(k: k) + u0 * k, part: part, of: of)
      }
    }
    if split.byRows { team.sync(parts: split.parts) }
  }

  /// The input's share of step t's gates. A dense input: b + X_t W_ihᵀ into the gates. Tokens:
  /// their rows of the table, returned for the recurrent product to start from (copied into the
  /// gates for a cell whose recurrent product goes elsewhere).
  private func inputSide(_ t: Int, rows: Range<Int>, units: Range<Int>, _ starts: StartRows) -> StartRows.Rows? {
    let g = gates(t, rows), first = t * B + rows.lowerBound
    if let x {
      gateProduct(x + first * I, k: I, packed: ws.packedInputForward.base, into: g, rows: rows.count, units: units,
                  start: starts.bias, starts)
      return nil
    }
    let table = UnsafePointer(ws.inputTable.base)
    for b in 0..<rows.count { starts.tokens[b] = table + Int(tokens[first + b]) * GH }
    guard cell.separateHiddenGates else { return starts.tokens }
    for b in 0..<rows.count {
      for q in 0..<G {
        let at = b * GH + q * H + units.lowerBound
        (g + at).update(from: starts.tokens[b]! + (at - b * GH), count: units.count)
      }
    }
    return nil
  }

  /// out[rows, every gate's `units`] = start[rows] (or out itself) + A (rows, k) · W[those units]ᵀ,
  /// with W packed gate by gate (`packForwardWeights`).
  private func gateProduct(
    _ a: UnsafePointer<Float>, k: Int, packed: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>,
    rows nb: Int, units: Range<Int>, start: StartRows.Rows?, _ starts: StartRows
  ) {
    guard !units.isEmpty else { return }
    if units.count == H && H % 16 == 0 {  // the gates' panels follow one another: one product
      products.multiply(a, lda: k, packed: packed, into: out, ldc: GH, m: nb, n: GH, k: k, accumulate: true, start: start)
      return
    }
    for q in 0..<G {
      let first = q * H + units.lowerBound
      if let start { for b in 0..<nb { starts.shifted[b] = start[b]! + first } }
      products.multiply(a, lda: k, packed: packed + q * packedGate(k: k) + units.lowerBound * k, into: out + first,
                        ldc: GH, m: nb, n: units.count, k: k, accumulate: true, start: start == nil ? nil : starts.shifted)
    }
  }
}
