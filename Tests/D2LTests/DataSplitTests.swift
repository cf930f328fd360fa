import Foundation
import Testing

@testable import D2L

/// The corpus 0, 1, 2, ...: every token's value is its position, so a batch shows where it came from.
private func positions(_ count: Int) -> [Int] { Array(0..<count) }

private func epochs(_ loader: SeqDataLoader, _ count: Int) -> [[SequenceBatch]] {
  (0..<count).map { Array(IteratorSequence(loader.batches(forEpoch: $0))) }
}

@Suite struct SequenceDataTests {
  @Test func sequentialBatchesHaveD2LsShapesAndContinuePerRow() {
    // D2L's own example: list(range(35)), batch_size=2, num_steps=5.
    let loader = SeqDataLoader(corpus: positions(35), batchSize: 2, numSteps: 5, useRandomIter: false, seed: 1)
    var offsetsSeen = Set<Int>()
    for epoch in 0..<200 {
      var iterator = loader.batches(forEpoch: epoch)
      let offset = iterator.offset
      offsetsSeen.insert(offset)
      let rowLength = (35 - offset - 1) / 2
      #expect(iterator.numBatches == rowLength / 5)
      var previous: SequenceBatch?
      var count = 0
      while let batch = iterator.next() {
        #expect(batch.inputs.count == 10 && batch.targets.count == 10)
        #expect(zip(batch.inputs, batch.targets).allSatisfy { $1 == $0 + 1 })
        for row in 0..<2 {
          #expect(batch.input(row: row, step: 0) == Int32(offset + row * rowLength + count * 5))
          for step in 1..<5 { #expect(batch.input(row: row, step: step) == batch.input(row: row, step: step - 1) + 1) }
          if let previous { #expect(batch.input(row: row, step: 0) == previous.input(row: row, step: 4) + 1) }
        }
        previous = batch
        count += 1
      }
      #expect(count == iterator.numBatches)
    }
    #expect(offsetsSeen == Set(0...5), "randint(0, num_steps) includes num_steps")
  }

  @Test func randomBatchesCoverDistinctAlignedSubsequences() {
    let loader = SeqDataLoader(corpus: positions(35), batchSize: 2, numSteps: 5, useRandomIter: true, seed: 2)
    var offsetsSeen = Set<Int>()
    var ordersSeen = Set<[Int32]>()
    for epoch in 0..<200 {
      var iterator = loader.batches(forEpoch: epoch)
      let offset = iterator.offset
      offsetsSeen.insert(offset)
      #expect(iterator.numBatches == ((35 - offset - 1) / 5) / 2)
      var starts: [Int32] = []
      while let batch = iterator.next() {
        #expect(batch.batchSize == 2 && batch.numSteps == 5)
        #expect(zip(batch.inputs, batch.targets).allSatisfy { $1 == $0 + 1 })
        for row in 0..<2 {
          let start = batch.input(row: row, step: 0)
          #expect((Int(start) - offset) % 5 == 0)
          #expect((0..<5).allSatisfy { batch.input(row: row, step: $0) == start + Int32($0) })
          starts.append(start)
        }
      }
      #expect(Set(starts).count == starts.count, "no subsequence twice in an epoch")
      ordersSeen.insert(starts.map { $0 - Int32(offset) })
    }
    #expect(offsetsSeen == Set(0...4), "randint(0, num_steps - 1) includes num_steps - 1")
    #expect(ordersSeen.count > 10, "the order is shuffled")
  }

  @Test func sameSeedSameBatchesDifferentSeedDifferentBatches() {
    for random in [false, true] {
      let corpus = positions(10_000)
      let a = SeqDataLoader(corpus: corpus, batchSize: 32, numSteps: 35, useRandomIter: random, seed: 42)
      let b = SeqDataLoader(corpus: corpus, batchSize: 32, numSteps: 35, useRandomIter: random, seed: 42)
      let c = SeqDataLoader(corpus: corpus, batchSize: 32, numSteps: 35, useRandomIter: random, seed: 43)
      #expect(epochs(a, 4) == epochs(b, 4))
      #expect(epochs(a, 4) != epochs(c, 4))
      let perEpoch = epochs(a, 4)
      #expect(Set(perEpoch.map { $0.first!.inputs }).count > 1, "epochs differ")
    }
  }

  @Test func iteratingTheLoaderAdvancesEpochsReproducibly() {
    let loader = SeqDataLoader(corpus: positions(2_000), batchSize: 4, numSteps: 7, useRandomIter: true, seed: 9)
    let first = Array(loader)
    let second = Array(loader)
    #expect(first == Array(IteratorSequence(loader.batches(forEpoch: 0))))
    #expect(second == Array(IteratorSequence(loader.batches(forEpoch: 1))))
    #expect(first != second)
  }

  @Test func loaderBatchCountIsAGuaranteedMinimum() {
    for random in [false, true] {
      let loader = SeqDataLoader(corpus: positions(1_000), batchSize: 3, numSteps: 11, useRandomIter: random, seed: 5)
      for epoch in 0..<50 {
        let count = loader.batches(forEpoch: epoch).numBatches
        #expect(count >= loader.numBatches && count <= loader.numBatches + 1)
      }
    }
  }

  @Test func tooShortCorpusYieldsNoBatches() {
    for random in [false, true] {
      let loader = SeqDataLoader(corpus: positions(4), batchSize: 2, numSteps: 5, useRandomIter: random)
      #expect(loader.numBatches == 0)
      #expect(Array(loader).isEmpty)
    }
  }

  @Test func timeMajorLayoutIsTheTranspose() {
    let batch = SequenceBatch(inputs: [1, 2, 3, 4, 5, 6], targets: [2, 3, 4, 5, 6, 7], batchSize: 2, numSteps: 3)
    #expect(batch.timeMajorInputs == [1, 4, 2, 5, 3, 6])
    #expect(batch.timeMajorTargets == [2, 5, 3, 6, 4, 7])
  }

  @Test(.enabled(if: DataTestFiles.available, "needs timemachine.txt: set D2L_DATA_DIR or provide ../shared/data"))
  func timeMachineLoaderHasTheChaptersShape() throws {
    let (loader, vocab) = try loadDataTimeMachine(batchSize: 32, numSteps: 35, locator: DataTestFiles.locator())
    #expect(vocab.count == 28 && loader.corpus.count == 10_000)
    #expect(loader.numBatches == 8)
    let batches = Array(loader)
    #expect(batches.count == 8)
    #expect(batches.allSatisfy { $0.inputs.count == 32 * 35 && $0.targets.count == 32 * 35 })
  }
}

@Suite struct HeldOutDataTests {
  @Test func heldOutIsTheEndAndNeverOverlapsTraining() {
    let indices = positions(1_000)
    let (train, heldOut) = splitForHeldOut(tokens: indices, heldOutFraction: 0.1)
    #expect(train.count == 900 && heldOut.count == 100)
    #expect(train.count + heldOut.count == indices.count)
    #expect(Set(train).isDisjoint(with: heldOut))
    #expect(train + heldOut == indices)
    #expect(heldOut == Array(900..<1_000))
  }

  @Test func fractionsAtTheEdgesAndRounding() {
    let tokens = positions(7)
    #expect(splitForHeldOut(tokens: tokens, heldOutFraction: 0).heldOut.isEmpty)
    #expect(splitForHeldOut(tokens: tokens, heldOutFraction: 1).train.isEmpty)
    #expect(heldOutCount(count: 7, heldOutFraction: 0.5) == 4)  // 3.5 rounds up
    #expect(heldOutCount(count: 0, heldOutFraction: 0.3) == 0)
    let (train, heldOut) = splitForHeldOut(tokens: Array("abcdefghij"), heldOutFraction: 0.2)
    #expect(String(train) == "abcdefgh" && String(heldOut) == "ij")
  }
}
