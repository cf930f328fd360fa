import D2L
import LessonEngine

/// Exercise 1 measured: the two vocabularies' sizes, and the share of tokens that fall on
/// `<unk>`, for several numbers of pairs.
public enum MTExamplesSweepStep: LessonStep {
  public static let id = "mt-examples-sweep"
  public static var summary: String { tr("sweep.summary") }
  public static let parameters: [StepParameter] = [.text("counts", tr("help.counts"))]
  public static let requires = [MTPreprocessStep.id]

  public struct Input {
    public var text: String
    public var counts: [Int]
  }

  /// Per count: the source and target vocabulary sizes.
  public typealias Output = [(examples: Int, source: Int, target: Int)]

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    let parts = values.string("counts").split(separator: "|")
    let counts = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 > 0 }
    guard counts.count == parts.count, !counts.isEmpty else {
      throw StepError(tr("sweep.badCounts", ["counts": values.string("counts")]))
    }
    return Input(text: try results.output(of: MTPreprocessStep.self), counts: counts)
  }

  public static func run(_ input: Input, _ out: StepOutput) -> Output {
    let text = input.text
    var rows: Output = []
    let table = ResultColumns([tr("sweep.pairs"), tr("sweep.source"), tr("sweep.sourceUnk"), tr("sweep.target"), tr("sweep.targetUnk")])
    out.say(table.header)
    for examples in input.counts {
      // ANCHOR: mt-examples-sweep
      let (source, target) = tokenizeNMT(text, numExamples: examples)
      let reserved = ["<pad>", "<bos>", "<eos>"]
      let srcVocab = Vocab(lines: source, minFreq: 2, reservedTokens: reserved)
      let tgtVocab = Vocab(lines: target, minFreq: 2, reservedTokens: reserved)
      // ANCHOR_END: mt-examples-sweep
      let (s, t) = (VocabCoverage(srcVocab, source), VocabCoverage(tgtVocab, target))
      out.say(table.row([
        Num.int(source.count), Num.int(srcVocab.count), Num.fixed(100 * s.unknownShare, 1) + "%",
        Num.int(tgtVocab.count), Num.fixed(100 * t.unknownShare, 1) + "%",
      ]))
      rows.append((source.count, srcVocab.count, tgtVocab.count))
    }
    if let first = rows.first, let last = rows.last, rows.count > 1 {
      out.say()
      let reading = tr("sweep.reading", [
        "from": Num.int(first.examples), "to": Num.int(last.examples),
        "pairs": Num.fixed(Double(last.examples) / Double(first.examples), 1),
        "source": Num.fixed(Double(last.source) / Double(first.source), 1),
        "target": Num.fixed(Double(last.target) / Double(first.target), 1),
      ])
      for line in LineFitter.paragraph(reading, width: out.width, first: "  ", rest: "  ") { out.say(line) }
    }
    return rows
  }
}

/// A small right-aligned table: a header row and rows of the same columns.
public struct ResultColumns {
  public let names: [String]
  public var widths: [Int]

  public init(_ names: [String], minimum: Int = 9) {
    self.names = names
    widths = names.map { max(minimum, LineFitter.columns($0)) }
  }

  public var header: String { row(names) }

  public func row(_ cells: [String]) -> String {
    "  " + zip(cells, widths).map { String(repeating: " ", count: max(0, $1 - LineFitter.columns($0))) + $0 }.joined(separator: "  ")
  }
}
