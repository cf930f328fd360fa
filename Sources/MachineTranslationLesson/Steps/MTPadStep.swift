import D2L
import LessonEngine

/// The book's `truncate_pad` on the first English sentence, then `build_array_nmt` on a few
/// sequences, the last one from further in the file and longer than `numSteps`: `<eos>`
/// appended, truncated or padded, and the valid lengths.
public enum MTPadStep: LessonStep {
  public static let id = "mt-pad"
  public static var summary: String { tr("pad.summary") }
  public static let parameters: [StepParameter] = [.integer("numSteps", 2...50, tr("help.numSteps"))]
  public static let requires = [MTTokensStep.id, MTVocabStep.id]

  public struct Input {
    public var vocab: MTVocabStep.Output
    /// Every French sequence of the file, for one long enough to be truncated.
    public var allTarget: [[String]]
    public var numSteps: Int
  }

  public typealias Output = Void

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    Input(
      vocab: try results.output(of: MTVocabStep.self), allTarget: try results.output(of: MTTokensStep.self).target,
      numSteps: values.int("numSteps"))
  }

  public static func run(_ input: Input, _ out: StepOutput) {
    let (source, target, srcVocab, tgtVocab) = (input.vocab.source, input.vocab.target, input.vocab.srcVocab, input.vocab.tgtVocab)
    let (allTarget, numSteps) = (input.allTarget, input.numSteps)
    // ANCHOR: mt-pad
    let padded = truncatePad(
      srcVocab.indices(of: source[0]), numSteps: numSteps,
        paddingToken: srcVocab["<pad>"])
    // two short French sequences, and one too long for numSteps
    let long = allTarget.first { $0.count >= numSteps } ?? target[2]
    let lines = [target[0], target[1], long]
    let (array, validLength) = buildArrayNMT(lines, vocab: tgtVocab,
      numSteps: numSteps)
    // ANCHOR_END: mt-pad
    out.say("  truncatePad(\(TokenText.words(source[0])), \(numSteps)):")
    out.say("    " + TokenText.indices(padded) + "   " + TokenText.words(srcVocab.tokens(for: padded)))
    out.say()
    out.say("  buildArrayNMT(" + tr("pad.lines", ["count": lines.count]) + ", \(numSteps)):")
    for (row, line) in lines.enumerated() {
      let ids = array.row(row).map { Int($0) }
      out.say("    " + TokenText.words(line))
      out.say("      → " + TokenText.indices(ids) + "   " + tr("pad.valid", ["length": validLength[row]]))
      if line.count + 1 > numSteps {
        out.say("        " + tr("pad.truncated", ["lost": line.count + 1 - numSteps]))
      }
    }
  }
}

/// Token lists as the steps print them: `[9, 4, 1]`, `"go . <pad>"`.
public enum TokenText {
  public static func indices(_ ids: [Int]) -> String { "[" + ids.map(String.init).joined(separator: ", ") + "]" }
  public static func words(_ tokens: [String]) -> String { "\"" + tokens.joined(separator: " ") + "\"" }
}
