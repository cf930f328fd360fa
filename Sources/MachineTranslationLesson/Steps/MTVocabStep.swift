import D2L
import LessonEngine

/// The two vocabularies of the book's run: words seen fewer than `minFreq` times fall on
/// `<unk>`, and `<pad>`, `<bos>`, `<eos>` are reserved. Built on the first `examples` pairs (the
/// book's 600) and, for scale, on the whole file.
public enum MTVocabStep: LessonStep {
  public static let id = "mt-vocab"
  public static var summary: String { tr("vocab.summary") }
  public static let parameters: [StepParameter] = [
    .integer("examples", 1...200_000, tr("help.examples")),
    .integer("minFreq", 1...100, tr("help.minFreq")),
  ]
  public static let requires = [MTPreprocessStep.id, MTTokensStep.id]

  public struct Input {
    public var text: String
    public var allSource, allTarget: [[String]]
    public var examples, minFreq: Int
  }

  /// The first pairs' tokens and their vocabularies.
  public struct Output {
    public let source, target: [[String]]
    public let srcVocab, tgtVocab: Vocab

    public init(source: [[String]], target: [[String]], srcVocab: Vocab, tgtVocab: Vocab) {
      (self.source, self.target, self.srcVocab, self.tgtVocab) = (source, target, srcVocab, tgtVocab)
    }
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    let tokens = try results.output(of: MTTokensStep.self)
    return Input(
      text: try results.output(of: MTPreprocessStep.self), allSource: tokens.source, allTarget: tokens.target,
      examples: values.int("examples"), minFreq: values.int("minFreq"))
  }

  public static func run(_ input: Input, _ out: StepOutput) -> Output {
    let (text, examples, minFreq) = (input.text, input.examples, input.minFreq)
    // ANCHOR: mt-vocab
    let (source, target) = tokenizeNMT(text, numExamples: examples)
    let reserved = ["<pad>", "<bos>", "<eos>"]
    let srcVocab = Vocab(lines: source, minFreq: minFreq,
      reservedTokens: reserved)
    let tgtVocab = Vocab(lines: target, minFreq: minFreq,
      reservedTokens: reserved)
    // ANCHOR_END: mt-vocab
    let allSrc = Vocab(lines: input.allSource, minFreq: minFreq, reservedTokens: reserved)
    let allTgt = Vocab(lines: input.allTarget, minFreq: minFreq, reservedTokens: reserved)
    out.say("  " + tr("vocab.pairs", ["pairs": Num.int(source.count), "minFreq": minFreq]))
    for (name, vocab, lines, all) in [
      (tr("vocab.source"), srcVocab, source, allSrc), (tr("vocab.target"), tgtVocab, target, allTgt),
    ] {
      let coverage = VocabCoverage(vocab, lines)
      out.say()
      out.say("  " + tr("vocab.size", [
        "name": name, "size": Num.int(vocab.count), "words": Num.int(coverage.distinct),
        "unk": Num.fixed(coverage.unknownShare * 100, 1), "all": Num.int(all.count),
        "pairs": Num.int(input.allSource.count),
      ]))
      out.say("    " + vocab.idxToToken.prefix(14).enumerated().map { "\($0.offset) \($0.element)" }.joined(separator: "  "))
    }
    return Output(source: source, target: target, srcVocab: srcVocab, tgtVocab: tgtVocab)
  }
}

/// How much of a text a vocabulary covers: how many distinct words the text has, and the share
/// of its tokens that fall on `<unk>`.
public struct VocabCoverage {
  public let distinct: Int
  public let unknownShare: Double

  public init(_ vocab: Vocab, _ lines: [[String]]) {
    let tokens = lines.joined()
    distinct = Set(tokens).count
    let unknown = tokens.filter { vocab[$0] == Vocab.unknownIndex }.count
    unknownShare = Double(unknown) / Double(max(tokens.count, 1))
  }
}
