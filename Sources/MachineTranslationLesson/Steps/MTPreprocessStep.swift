import D2L
import LessonEngine

/// The book's `preprocess_nmt`: no-break spaces become spaces, letters become lower case, and a
/// space goes before `, . ! ?` where there is none. The first lines before and after, and how
/// many characters each rule changed in the whole file.
public enum MTPreprocessStep: LessonStep {
  public static let id = "mt-preprocess"
  public static var summary: String { tr("preprocess.summary") }
  public static let parameters: [StepParameter] = [.integer("pairs", 1...50, tr("help.pairs"))]
  public static let requires = [MTRawStep.id]

  public struct Input {
    public var raw: String
    public var pairs: Int
  }

  /// The preprocessed text.
  public typealias Output = String

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    Input(raw: try results.output(of: MTRawStep.self), pairs: values.int("pairs"))
  }

  public static func run(_ input: Input, _ out: StepOutput) -> String {
    let raw = input.raw
    // ANCHOR: mt-preprocess
    let text = preprocessNMT(raw)
    // ANCHOR_END: mt-preprocess
    let before = raw.split(separator: "\n").prefix(input.pairs)
    let after = text.split(separator: "\n").prefix(input.pairs)
    let width = before.map { LineFitter.columns(Visible.marked(String($0))) }.max() ?? 0
    out.say("  " + tr("preprocess.before").padding(toLength: width, withPad: " ", startingAt: 0) + "     " + tr("preprocess.after"))
    for (b, a) in zip(before, after) {
      let left = Visible.marked(String(b))
      out.say("  " + left + String(repeating: " ", count: max(0, width - LineFitter.columns(left))) + "  →  " + Visible.marked(String(a)))
    }
    let counts = PreprocessCounts(raw)
    out.say()
    out.say("  " + tr("preprocess.counts", [
      "spaces": Num.int(counts.noBreakSpaces), "letters": Num.int(counts.upperCase),
      "inserted": Num.int(text.count - raw.count),
    ]))
    return text
  }
}

/// What preprocessing changes in a text, counted on the raw text: no-break spaces and
/// upper-case letters.
public struct PreprocessCounts {
  public var noBreakSpaces = 0, upperCase = 0

  public init(_ raw: String) {
    for c in raw.unicodeScalars {
      if c == "\u{00A0}" || c == "\u{202F}" { noBreakSpaces += 1 } else if c.properties.isUppercase { upperCase += 1 }
    }
  }
}
