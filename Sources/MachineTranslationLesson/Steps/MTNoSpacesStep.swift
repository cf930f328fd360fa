import D2L
import LessonEngine

/// Exercise 2 measured: French written without spaces, as Chinese and Japanese are, then
/// tokenized by words as before. Each sentence becomes one "word", so the vocabulary fills with
/// sentences seen once and nearly every token falls on `<unk>`; characters as tokens are the
/// fallback the step measures beside it.
public enum MTNoSpacesStep: LessonStep {
  public static let id = "mt-no-spaces"
  public static var summary: String { tr("nospaces.summary") }
  public static let parameters: [StepParameter] = [.integer("examples", 1...200_000, tr("help.examples"))]
  public static let requires = [MTPreprocessStep.id]

  public struct Input {
    public var text: String
    public var examples: Int
  }

  public typealias Output = Void

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    Input(text: try results.output(of: MTPreprocessStep.self), examples: values.int("examples"))
  }

  public static func run(_ input: Input, _ out: StepOutput) {
    let (text, examples) = (input.text, input.examples)
    // ANCHOR: mt-no-spaces
    let (_, target) = tokenizeNMT(text, numExamples: examples)
    let words = target  // French split at its spaces
    // "je suis chez moi ." as "jesuischezmoi."
    let unspaced = target.map { [$0.joined()] }
    // one token per character
    let characters = unspaced.map { $0[0].map(String.init) }
    // ANCHOR_END: mt-no-spaces
    let table = ResultColumns([tr("nospaces.tokens"), tr("nospaces.perSentence"), tr("nospaces.vocab"), tr("nospaces.unk")], minimum: 10)
    let rows = [(tr("nospaces.words"), words), (tr("nospaces.unspaced"), unspaced), (tr("nospaces.characters"), characters)]
    let labelWidth = rows.map { LineFitter.columns($0.0) }.max()! + 1
    out.say("  " + String(repeating: " ", count: labelWidth) + table.header.dropFirst(2))
    var unknown: [Double] = []
    for (name, lines) in rows {
      let vocab = Vocab(lines: lines, minFreq: 2, reservedTokens: ["<pad>", "<bos>", "<eos>"])
      let coverage = VocabCoverage(vocab, lines)
      unknown.append(100 * coverage.unknownShare)
      let perSentence = Double(lines.reduce(0) { $0 + $1.count }) / Double(max(lines.count, 1))
      let label = name + String(repeating: " ", count: labelWidth - LineFitter.columns(name))
      out.say("  " + label + table.row([
        Num.int(lines.reduce(0) { $0 + $1.count }), Num.fixed(perSentence, 1), Num.int(vocab.count),
        Num.fixed(100 * coverage.unknownShare, 1) + "%",
      ]).dropFirst(2))
    }
    out.say()
    let reading = tr("nospaces.reading", [
      "words": Num.fixed(unknown[0], 1), "unspaced": Num.fixed(unknown[1], 1), "characters": Num.fixed(unknown[2], 1),
    ])
    for line in LineFitter.paragraph(reading, width: out.width, first: "  ", rest: "  ") { out.say(line) }
  }
}
