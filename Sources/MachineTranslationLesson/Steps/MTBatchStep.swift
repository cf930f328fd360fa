import D2L
import LessonEngine

/// The book's `load_data_nmt`, everything together, and its first minibatch printed: source
/// indices, source valid lengths, target indices, target valid lengths, with the words.
public enum MTBatchStep: LessonStep {
  public static let id = "mt-batch"
  public static var summary: String { tr("batch.summary") }
  public static let parameters: [StepParameter] = [
    .integer("batchSize", 1...64, "pairs per minibatch"), .integer("numSteps", 2...50, "tokens per sequence"),
    .integer("examples", 1...200_000, "pairs read (the book: 600)"), .integer("seed", 0...1_000_000, "shuffling seed"),
  ]

  public typealias Input = StepValues
  public typealias Output = Void

  public static func run(_ values: StepValues, _ out: StepOutput) throws {
    let (batchSize, numSteps, examples) = (values.int("batchSize"), values.int("numSteps"), values.int("examples"))
    var generator = RandomGenerator(seed: UInt64(values.int("seed")))
    // ANCHOR: mt-batch
    let data = try loadDataNMT(
      batchSize: batchSize, numSteps: numSteps, numExamples: examples)
    let batch = data.batches(using: &generator).first!  // shuffled
    let (X, XValidLength, Y, YValidLength) = (batch.source, batch.sourceValidLength, batch.target, batch.targetValidLength)
    // ANCHOR_END: mt-batch
    let rows = X.count / numSteps
    func show(_ name: String, _ ids: [Int], _ valid: [Int], _ vocab: Vocab) {
      out.say("  \(name): (\(tr("axis.batch")) \(rows), \(tr("axis.steps")) \(numSteps))")
      for r in 0..<rows {
        let row = Array(ids[(r * numSteps)..<((r + 1) * numSteps)])
        let numbers: [String] = row.map { String($0).leftPadded(3) }
        let words: String = vocab.tokens(for: row).joined(separator: " ")
        out.say("    [" + numbers.joined(separator: ",") + "]   " + words)
      }
      out.say("  " + tr("batch.valid", ["name": name]) + ": [" + valid.map(String.init).joined(separator: ", ") + "]")
    }
    show("X", X, XValidLength, data.srcVocab)
    show("Y", Y, YValidLength, data.tgtVocab)
    out.say()
    out.say("  " + tr("batch.sizes", ["source": data.srcVocab.count, "target": data.tgtVocab.count, "pairs": Num.int(data.count)]))
  }
}

extension String {
  /// The string right-aligned in `width` columns.
  public func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
