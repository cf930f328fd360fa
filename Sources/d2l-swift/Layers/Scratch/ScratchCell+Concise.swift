/// Weights between a scratch cell and the concise layer of its kind (`RNN`, `GRU`, `LSTM`, one
/// layer): the scratch cell multiplies X W_x with W_x (inputs, H) per gate; the concise layer
/// stacks the gates' transposes in `weight_ih_l0` (G·H, inputs), and has two biases per gate.
extension ScratchCell {
  /// Writes this cell's weights into `layer`'s: each gate's W_xᵀ and W_hᵀ into its block of
  /// `weight_ih_l0` and `weight_hh_l0`, b into `bias_ih_l0`, and zeros into `bias_hh_l0`.
  public func copyWeights(to layer: RecurrentLayer) {
    let (wih, whh, bih, bhh) = Self.blocks(of: layer, cell: self)
    let h = numHiddens
    for (k, gate) in pyTorchGateBlocks.enumerated() {
      Self.transpose(gate.W_x, into: wih.storage.base + k * h * numInputs)
      Self.transpose(gate.W_h, into: whh.storage.base + k * h * h)
      (bih.storage.base + k * h).update(from: gate.b.storage.base, count: h)
    }
    bhh.storage.zero()
  }

  /// Reads `layer`'s weights into this cell's: W_x = block of `weight_ih_l0`ᵀ, W_h likewise,
  /// b = `bias_ih` + `bias_hh`. A GRU's candidate bias `bias_hh` (its n block) sits inside the
  /// reset product in PyTorch, where one bias cannot follow it: it must be zero.
  public func loadWeights(from layer: RecurrentLayer) {
    let (wih, whh, bih, bhh) = Self.blocks(of: layer, cell: self)
    let h = numHiddens
    if Self.kind == .gru {
      let n = UnsafeBufferPointer(start: bhh.storage.base + 2 * h, count: h)
      check(n.allSatisfy { $0 == 0 }, "GRUScratch.loadWeights: bias_hh_l0's candidate block must be zero")
    }
    for (k, gate) in pyTorchGateBlocks.enumerated() {
      Self.transpose(rows: h, columns: numInputs, wih.storage.base + k * h * numInputs, into: gate.W_x)
      Self.transpose(rows: h, columns: h, whh.storage.base + k * h * h, into: gate.W_h)
      for j in 0..<h { gate.b.storage.base[j] = bih.storage.base[k * h + j] + bhh.storage.base[k * h + j] }
    }
  }

  private static func blocks(of layer: RecurrentLayer, cell: Self) -> (Tensor, Tensor, Tensor, Tensor) {
    check(layer.kind == kind && layer.numLayers == 1 && !layer.bidirectional,
          "\(Self.self): weights move to and from a one-layer, one-direction \(kind.displayName), not \(layer.kind.displayName) × \(layer.numLayers)")
    check(layer.inputSize == cell.numInputs && layer.hiddenSize == cell.numHiddens,
          "\(Self.self): (inputs \(cell.numInputs), hidden \(cell.numHiddens)) vs the layer's (\(layer.inputSize), \(layer.hiddenSize))")
    let p = Dictionary(uniqueKeysWithValues: layer.namedParameters.map { ($0.name, $0.tensor) })
    return (p["weight_ih_l0"]!, p["weight_hh_l0"]!, p["bias_ih_l0"]!, p["bias_hh_l0"]!)
  }

  /// A (r, c) matrix written transposed, (c, r), at `destination`.
  private static func transpose(_ m: Tensor, into destination: UnsafeMutablePointer<Float>) {
    let (r, c) = (m.shape[0], m.shape[1])
    for i in 0..<r { for j in 0..<c { destination[j * r + i] = m.storage.base[i * c + j] } }
  }

  /// The (rows, columns) block at `source`, transposed into `m` (columns, rows).
  private static func transpose(rows: Int, columns: Int, _ source: UnsafePointer<Float>, into m: Tensor) {
    for i in 0..<rows { for j in 0..<columns { m.storage.base[j * rows + i] = source[i * columns + j] } }
  }
}
