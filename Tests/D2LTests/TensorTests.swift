import Testing
@testable import D2L

@Suite struct TensorTests {
  @Test func creation() {
    #expect(Tensor.zeros([2, 3]).scalars == [0, 0, 0, 0, 0, 0])
    #expect(Tensor.ones([2]).scalars == [1, 1])
    #expect(Tensor.full([1, 2], 7).scalars == [7, 7])
    #expect(Tensor.arange(0, 5).scalars == [0, 1, 2, 3, 4])
    #expect(Tensor.arange(1, 2, step: 0.25).scalars == [1, 1.25, 1.5, 1.75])
    #expect(Tensor.oneHot([2, 0], depth: 3).scalars == [0, 0, 1, 1, 0, 0])
    #expect(Tensor.oneHot([2, 0], depth: 3).shape == [2, 3])
  }

  @Test func seededRandomnessReproduces() {
    var g1 = RandomGenerator(seed: 42), g2 = RandomGenerator(seed: 42), g3 = RandomGenerator(seed: 43)
    let a = Tensor.normal([100], using: &g1), b = Tensor.normal([100], using: &g2)
    let c = Tensor.normal([100], using: &g3)
    #expect(a.scalars == b.scalars)
    #expect(a.scalars != c.scalars)
    let mean = a.scalars.reduce(0, +) / 100
    #expect(abs(mean) < 0.3)
    var g4 = RandomGenerator(seed: 1)
    let u = Tensor.uniform([1000], low: -2, high: 3, using: &g4).scalars
    #expect(u.allSatisfy { $0 >= -2 && $0 < 3 })
  }

  @Test func broadcastingArithmetic() {
    let x = Tensor(shape: [2, 3], [1, 2, 3, 4, 5, 6])
    #expect((x + Tensor(shape: [3], [10, 20, 30])).scalars == [11, 22, 33, 14, 25, 36])
    #expect((x * 2).scalars == [2, 4, 6, 8, 10, 12])
    #expect((x - Tensor(shape: [2, 1], [1, 2])).scalars == [0, 1, 2, 2, 3, 4])
    #expect((x / 2).scalars == [0.5, 1, 1.5, 2, 2.5, 3])
  }

  @Test func matmulMatchesHandComputation() {
    let a = Tensor(shape: [2, 3], [1, 2, 3, 4, 5, 6])
    let b = Tensor(shape: [3, 2], [7, 8, 9, 10, 11, 12])
    #expect(a.matmul(b).scalars == [58, 64, 139, 154])
    #expect(a.matmul(a, transposeOther: true).scalars == [14, 32, 32, 77])
    #expect(a.matmul(a, transposeSelf: true).shape == [3, 3])
  }

  @Test func shapeOps() {
    let x = Tensor(shape: [2, 3], [1, 2, 3, 4, 5, 6])
    #expect(x.transposed().scalars == [1, 4, 2, 5, 3, 6])
    #expect(x.reshaped([3, -1]).shape == [3, 2])
    #expect(x[1].scalars == [4, 5, 6])
    #expect(x[0..<1].shape == [1, 3])
    #expect(Tensor.concatenate([x, x], alongAxis: 1).scalars == [1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6])
    #expect(Tensor.stack([x, x]).shape == [2, 2, 3])
    let y = Tensor(shape: [2, 3, 1], [1, 2, 3, 4, 5, 6]).swappingLeadingAxes()
    #expect(y.shape == [3, 2, 1] && y.scalars == [1, 4, 2, 5, 3, 6])
  }

  @Test func reductionsAndArgmax() {
    let x = Tensor(shape: [2, 3], [1, 2, 3, 4, 5, 6])
    #expect(x.sum().scalar == 21)
    #expect(x.mean().scalar == 3.5)
    #expect(x.sum(alongAxis: 0).scalars == [5, 7, 9])
    #expect(x.sum(alongAxis: 1).scalars == [6, 15])
    #expect(x.mean(alongAxis: 1, keepingAxis: true).shape == [2, 1])
    #expect(Tensor(shape: [2, 3], [0, 9, 1, 7, 2, 3]).argmax() == [1, 0])
  }

  @Test func unaryValues() {
    let x = Tensor(shape: [3], [-1, 0, 2])
    #expect(x.relu().scalars == [0, 0, 2])
    #expect(abs(x.sigmoid().scalars[1] - 0.5) < 1e-7)
    #expect(abs(x.exp().log().scalars[2] - 2) < 1e-6)
  }

  @Test func crossEntropyIsStableForHugeLogits() {
    let logits = Tensor(shape: [1, 3], [1000, 0, -1000])
    let loss = logits.softmaxCrossEntropy(targets: [0]).scalar
    #expect(loss.isFinite && abs(loss) < 1e-6)
    let uniform = Tensor.zeros([2, 4]).softmaxCrossEntropy(targets: [1, 3]).scalar
    #expect(abs(uniform - Float(4).logNatural) < 1e-6)
  }

  @Test func autodiffAccumulatesZeroesDetachesAndPauses() {
    let w = Tensor(shape: [2], [1, 2]).requiringGradient()
    (w * w).sum().backward()
    #expect(w.gradient?.scalars == [2, 4])
    (w * 3).sum().backward()
    #expect(w.gradient?.scalars == [5, 7])  // accumulated
    w.zeroGradient()
    #expect(w.gradient?.scalars == [0, 0])
    #expect(!(w.detached() * 2).requiresGradient)
    let paused = withoutGradients { w * 2 }
    #expect(!paused.requiresGradient)
    #expect((w * 2).requiresGradient)
  }

  /// glibc takes the allocator thresholds that keep training from page-faulting its tensors in
  /// every minibatch (an out-of-range value is refused silently unless checked).
  @Test func allocatorKeepsFreedMemory() throws {
    #if os(Linux)
    #expect(TensorStorage.keepsFreedMemory)
    #else
    try #require(Bool(false), "only glibc's malloc is tuned")
    #endif
  }

  /// Buffers of 2 MB and more start on a huge-page boundary (so that their extents can be huge
  /// pages), smaller ones on a cache line, and both hold what is written to them.
  @Test func largeBuffersStartOnHugePageBoundaries() {
    for count in [1000, (2 << 20) / 4, 1_146_880] {
      let storage = TensorStorage(count: count)
      let address = Int(bitPattern: storage.base)
      #expect(address % (count * 4 >= TensorStorage.hugePage ? TensorStorage.hugePage : 64) == 0, "\(count) floats")
      storage.base[count - 1] = 3
      #expect(storage.base[count - 1] == 3 && storage.base[0] == 0)
    }
  }

  /// A pullback's first delta becomes the gradient without a copy; later ones must still add
  /// to it, and no two nodes may end up sharing one buffer.
  @Test func handedOverGradientsStayApart() {
    let x = Tensor(shape: [2, 3], [1, 2, 3, 4, 5, 6]).requiringGradient()
    let w = Tensor(shape: [3, 2], [1, -1, 2, 0, 0.5, 3]).requiringGradient()
    let c = Tensor(shape: [6], [6, 5, 4, 3, 2, 1])
    let y = x.reshaped([6])  // hands its gradient to x, which three more paths then add to
    let direct = (y * c).sum() + (x * x).sum() + y.sum()
    let loss = direct + x.matmul(w).sum() + x.matmul(w).sum()
    loss.backward()
    // d/dx: c + 2x + 1 + 2 · (row sums of w)
    let rowSums: [Float] = [0, 2, 3.5]
    let (cs, xs) = (c.scalars, x.scalars)
    let expected: [Float] = (0..<6).map { (i: Int) -> Float in cs[i] + 2 * xs[i] + 1 + 2 * rowSums[i % 3] }
    #expect(x.gradient?.scalars == expected)
    // d/dw: 2 · (column sums of x), repeated across w's columns
    #expect(w.gradient?.scalars == [10, 10, 14, 14, 18, 18])
    #expect(x.gradient?.storage !== w.gradient?.storage)
    // A sum hands both operands the same gradient; each must get its own copy, whichever path
    // the tape visits first.
    for aFirst in [true, false] {
      let a = Tensor(shape: [2], [1, 2]).requiringGradient(), b = Tensor(shape: [2], [3, 4]).requiringGradient()
      let sum = (a + b).sum(), scaled = (a * 3).sum()
      (aFirst ? sum + scaled : scaled + sum).backward()
      #expect(a.gradient?.scalars == [4, 4] && b.gradient?.scalars == [1, 1], "a + b visited \(aFirst ? "first" : "last")")
    }
  }

  @Test func descriptionShowsShapeAndValues() {
    let x = Tensor(shape: [2, 2], [1, 2, 3, 4.5])
    #expect(x.description == "Tensor(2, 2) [[1.0000, 2.0000], [3.0000, 4.5000]]")
    #expect(Tensor.arange(0, 10).description == "Tensor(10) [0.0000, 1.0000, 2.0000, …, 7.0000, 8.0000, 9.0000]")
  }

  @Test func shapeMismatchNamesBothShapesAndTheOp() async {
    await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Tensor.zeros([2, 3]).matmul(Tensor.zeros([4, 5]))
    }.map { result in
      let message = String(decoding: result.standardErrorContent, as: UTF8.self)
      #expect(message.contains("matmul: shapes (2, 3) and (4, 5) do not fit"))
    }
    await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Tensor.zeros([2, 3]) + Tensor.zeros([4])
    }.map { result in
      let message = String(decoding: result.standardErrorContent, as: UTF8.self)
      #expect(message.contains("add: shapes (2, 3) and (4) do not broadcast"))
    }
  }
}

extension Float {
  fileprivate var logNatural: Float { Float(Foundation.log(Double(self))) }
}

import Foundation
