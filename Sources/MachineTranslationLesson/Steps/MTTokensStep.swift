import D2L
import LessonEngine

/// The book's `tokenize_nmt` on every line: each pair becomes an English and a French token list,
/// a token being a word or a punctuation mark.
public enum MTTokensStep: LessonStep {
  public static let id = "mt-tokens"
  public static var summary: String { tr("tokens.summary") }
  public static let parameters: [StepParameter] = [.integer("pairs", 1...50, tr("help.pairs"))]
  public static let requires = [MTPreprocessStep.id]

  public struct Input {
    public var text: String
    public var pairs: Int
  }

  /// Every pair's tokens: `source[i]` English, `target[i]` French.
  public struct Output {
    public let source, target: [[String]]

    public init(source: [[String]], target: [[String]]) {
      self.source = source
      self.target = target
    }
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    Input(text: try results.output(of: MTPreprocessStep.self), pairs: values.int("pairs"))
  }

  public static func run(_ input: Input, _ out: StepOutput) -> Output {
    let text = input.text
    // ANCHOR: mt-tokens
    let (source, target) = tokenizeNMT(text)  // every pair
    // ANCHOR_END: mt-tokens
    func list(_ tokens: [String]) -> String { "[" + tokens.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }
    let shown = (0..<min(input.pairs, source.count)).map { (list(source[$0]), list(target[$0])) }
    let width = shown.map { LineFitter.columns($0.0) }.max() ?? 0
    for (s, t) in shown {
      out.say("  " + s + String(repeating: " ", count: width - LineFitter.columns(s)) + "  →  " + t)
    }
    out.say()
    out.say("  " + tr("tokens.count", [
      "pairs": Num.int(source.count), "source": Num.int(source.reduce(0) { $0 + $1.count }),
      "target": Num.int(target.reduce(0) { $0 + $1.count }),
    ]))
    return Output(source: source, target: target)
  }
}
