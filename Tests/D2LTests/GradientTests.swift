import Testing
@testable import D2L

/// Every differentiable op against central finite differences, on seeded random inputs.
@Suite struct GradientTests {
  var generator = RandomGenerator(seed: 7)
  mutating func random(_ shape: [Int], low: Float = -1, high: Float = 1) -> Tensor {
    Tensor.uniform(shape, low: low, high: high, using: &generator)
  }

  @Test mutating func add() {
    checkGradients("add same shape", inputs: [random([3, 4]), random([3, 4])]) { $0[0] + $0[1] }
    checkGradients("add bias row", inputs: [random([3, 4]), random([4])]) { $0[0] + $0[1] }
    checkGradients("add column", inputs: [random([3, 4]), random([3, 1])]) { $0[0] + $0[1] }
    checkGradients("add scalar", inputs: [random([3, 4]), random([])]) { $0[0] + $0[1] }
  }

  @Test mutating func subtract() {
    checkGradients("sub", inputs: [random([2, 5]), random([5])]) { $0[0] - $0[1] }
    checkGradients("neg", inputs: [random([2, 5])]) { -$0[0] }
    checkGradients("1 - x (rsub)", inputs: [random([2, 5])]) { 1 - $0[0] }
  }

  /// The bias-row and scalar shortcut of broadcasting, with the small operand on either side and
  /// under a rank-3 operand; the general walk stays for a column.
  @Test mutating func rowBroadcast() {
    checkGradients("bias row + matrix", inputs: [random([4]), random([3, 4])]) { $0[0] + $0[1] }
    checkGradients("matrix * bias row", inputs: [random([3, 4]), random([4])]) { $0[0] * $0[1] }
    checkGradients("scalar * matrix", inputs: [random([]), random([3, 4])]) { $0[0] * $0[1] }
    checkGradients("rank 3 + row block", inputs: [random([2, 3, 4]), random([3, 4])]) { $0[0] + $0[1] }
    checkGradients("rank 3 + (1, 4)", inputs: [random([2, 3, 4]), random([1, 4])]) { $0[0] * $0[1] }
  }

  @Test mutating func multiply() {
    checkGradients("mul", inputs: [random([3, 4]), random([3, 4])]) { $0[0] * $0[1] }
    checkGradients("mul broadcast", inputs: [random([2, 3, 4]), random([3, 1])]) { $0[0] * $0[1] }
    checkGradients("mul self", inputs: [random([5])]) { $0[0] * $0[0] }
  }

  @Test mutating func divide() {
    checkGradients("div", inputs: [random([3, 4]), random([3, 4], low: 0.5, high: 2)], epsilon: 1e-3) { $0[0] / $0[1] }
    checkGradients("reciprocal", inputs: [random([6], low: 0.5, high: 2)], epsilon: 1e-3) { $0[0].reciprocal() }
  }

  @Test mutating func unary() {
    checkGradients("exp", inputs: [random([3, 4])]) { $0[0].exp() }
    checkGradients("log", inputs: [random([3, 4], low: 0.5, high: 3)], epsilon: 1e-3) { $0[0].log() }
    checkGradients("tanh", inputs: [random([3, 4])]) { $0[0].tanh() }
    checkGradients("sigmoid", inputs: [random([3, 4])]) { $0[0].sigmoid() }
    // relu away from its kink at 0, where finite differences are undefined.
    let x = random([12]).scalars.map { $0 < 0 ? $0 - 0.1 : $0 + 0.1 }
    checkGradients("relu", inputs: [Tensor(shape: [12], x)]) { $0[0].relu() }
  }

  /// x Wᵀ + b in one operation; 33 and 40 rows take the packed kernels, and 5 and 18 outputs a
  /// partial panel.
  @Test mutating func linear() {
    checkGradients("linear", inputs: [random([3, 4]), random([5, 4]), random([5])]) {
      Tensor.linear($0[0], weight: $0[1], bias: $0[2])
    }
    checkGradients("linear, packed", inputs: [random([33, 4]), random([5, 4]), random([5])]) {
      Tensor.linear($0[0], weight: $0[1], bias: $0[2])
    }
    checkGradients("linear, packed, wide", inputs: [random([40, 20]), random([18, 20]), random([18])]) {
      Tensor.linear($0[0], weight: $0[1], bias: $0[2])
    }
  }

  @Test mutating func matmul() {
    checkGradients("matmul", inputs: [random([3, 4]), random([4, 5])]) { $0[0].matmul($0[1]) }
    checkGradients("matmul, packed", inputs: [random([33, 6]), random([6, 21])]) { $0[0].matmul($0[1]) }
    checkGradients("matmul Bᵀ, packed", inputs: [random([36, 7]), random([17, 7])]) { $0[0].matmul($0[1], transposeOther: true) }
    checkGradients("matmul Aᵀ", inputs: [random([4, 3]), random([4, 5])]) { $0[0].matmul($0[1], transposeSelf: true) }
    checkGradients("matmul Bᵀ", inputs: [random([3, 4]), random([5, 4])]) { $0[0].matmul($0[1], transposeOther: true) }
    checkGradients("matmul AᵀBᵀ", inputs: [random([4, 3]), random([5, 4])]) {
      $0[0].matmul($0[1], transposeSelf: true, transposeOther: true)
    }
  }

  @Test mutating func shapes() {
    checkGradients("reshape", inputs: [random([3, 4])]) { $0[0].reshaped([2, -1]) * $0[0].reshaped([2, 6]) }
    checkGradients("transpose", inputs: [random([3, 4])]) { $0[0].transposed() }
    checkGradients("swap leading axes", inputs: [random([2, 3, 4])]) { $0[0].swappingLeadingAxes() }
    checkGradients("slice", inputs: [random([5, 3])]) { $0[0][1..<4] }
    checkGradients("index", inputs: [random([5, 3])]) { $0[0][2] }
    checkGradients("concatenate 0", inputs: [random([2, 3]), random([4, 3])]) { Tensor.concatenate($0, alongAxis: 0) }
    checkGradients("concatenate 1", inputs: [random([2, 3]), random([2, 2])]) { Tensor.concatenate($0, alongAxis: 1) }
    checkGradients("stack", inputs: [random([2, 3]), random([2, 3])]) { Tensor.stack($0) }
  }

  @Test mutating func reductions() {
    checkGradients("sum", inputs: [random([3, 4])]) { $0[0].sum() }
    checkGradients("mean", inputs: [random([3, 4])]) { $0[0].mean() }
    checkGradients("sum axis 0", inputs: [random([3, 4, 2])]) { $0[0].sum(alongAxis: 0) }
    checkGradients("sum axis 1", inputs: [random([3, 4, 2])]) { $0[0].sum(alongAxis: 1, keepingAxis: true) }
    checkGradients("mean axis 2", inputs: [random([3, 4, 2])]) { $0[0].mean(alongAxis: 2) }
  }

  @Test mutating func softmaxCrossEntropy() {
    checkGradients("softmax cross-entropy", inputs: [random([5, 7], low: -3, high: 3)], epsilon: 1e-2) {
      $0[0].softmaxCrossEntropy(targets: [0, 6, 3, 3, 1])
    }
  }

  /// A weight read by several products (a scratch cell's W_hh at every step) takes each one's
  /// gradient straight into its own buffer.
  @Test mutating func weightSharedByProducts() {
    checkGradients("x1 W + x2 W", inputs: [random([2, 3]), random([2, 3]), random([3, 4])]) {
      ($0[0].matmul($0[2]) + $0[1].matmul($0[2])).tanh()
    }
    checkGradients("x Wᵀ twice", inputs: [random([2, 3]), random([4, 3])]) {
      $0[0].matmul($0[1], transposeOther: true) * $0[0].matmul($0[1], transposeOther: true)
    }
  }

  @Test mutating func composite() {
    // A gradient that reaches a leaf along two paths must add both contributions.
    checkGradients("tanh(xW + b) reused", inputs: [random([2, 3]), random([3, 4]), random([4])]) {
      let h = ($0[0].matmul($0[1]) + $0[2]).tanh()
      return h * h.sigmoid() + h
    }
  }
}
