import D2L
import LessonEngine

/// The book's `load_data_nmt`, everything together, and its first minibatch printed: source
/// indices, source valid lengths, target indices, target valid lengths, with the words.
public enum MTBatchStep: LessonStep {
  public static let id = "mt-batch"
  public static var summary: String { tr("batch.summary") }
  public static let parameters: [StepParameter] = [
    .integer("batchSize", 1...64, tr("help.batchSize")), .integer("numSteps", 2...50, tr("help.numSteps")),
    .integer("examples", 1...200_000, tr("help.examples")), .integer("seed", 0...1_000_000, tr("help.seed")),
  ]

  public typealias Input = StepValues
  public typealias Output = Void

  public static func run(_ values: StepValues, _ out: StepOutput) throws {
    let (batchSize, numSteps, examples) = (values.int("batchSize"), values.int("numSteps"), values.int("examples"))
    let seed = UInt64(values.int("seed"))
    // ANCHOR: mt-batch
    let data = try loadDataNMT(
      batchSize: batchSize, numSteps: numSteps, numExamples: examples,
        seed: seed)
    let batch = data.loader.batches(forEpoch: 0)[0]  // shuffled
    let (X, XValidLength) = (batch.source, batch.sourceValidLengths)
    let (Y, YValidLength) = (batch.target, batch.targetValidLengths)
    // ANCHOR_END: mt-batch
    func show(_ name: String, _ ids: TokenSequences, _ valid: [Int32], _ vocab: Vocab) {
      out.say("  \(name): (\(tr("axis.batch")) \(ids.batch), \(tr("axis.steps")) \(ids.steps))")
      for r in 0..<ids.batch {
        let row = ids.row(r).map { Int($0) }
        let numbers: [String] = row.map { String($0).leftPadded(3) }
        let words: String = vocab.tokens(for: row).joined(separator: " ")
        out.say("    [" + numbers.joined(separator: ",") + "]   " + words)
      }
      out.say("  " + tr("batch.valid", ["name": name]) + ": [" + valid.map { String($0) }.joined(separator: ", ") + "]")
    }
    show("X", X, XValidLength, data.sourceVocab)
    show("Y", Y, YValidLength, data.targetVocab)
    out.say()
    out.say("  " + tr("batch.sizes", [
      "source": data.sourceVocab.count, "target": data.targetVocab.count, "pairs": Num.int(data.loader.count),
    ]))
  }
}

extension String {
  /// The string right-aligned in `width` columns.
  public func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
