import D2L
import LessonEngine

/// Generation through the same interface: the untrained toy model encodes the first source
/// sequence, and its decoder is called one step at a time on its own best word, from `<bos>`.
public enum EDGenerateStep: LessonStep {
  public static let id = "ed-generate"
  public static var summary: String { tr("generate.summary") }
  public static let parameters: [StepParameter] = [
    .integer("maxSteps", 1...20, tr("help.maxSteps")),
  ]
  public static let requires = [EDInterfaceStep.id]

  public struct Input {
    public var toy: EDInterfaceStep.Output
    public var maxSteps: Int
  }

  /// The indices written.
  public typealias Output = [Int]

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    Input(toy: try results.output(of: EDInterfaceStep.self), maxSteps: values.int("maxSteps"))
  }

  public static func run(_ input: Input, _ out: StepOutput) -> [Int] {
    let (model, maxSteps) = (input.toy.model, input.maxSteps)
    let source = TokenSequences(Array(input.toy.X.row(0)), batch: 1, steps: input.toy.X.steps)
    let length = [input.toy.validLength[0]]
    let (bos, eos) = (1, 2)  // in this toy vocabulary
    // ANCHOR: ed-generate
    var state = model.decoder.initState(model.encoder(source,
      validLengths: length), validLengths: length)
    var word = bos, written: [Int] = []
    for _ in 0..<maxSteps {
      let (scores, next) = model.decoder(TokenSequences([Int32(word)], batch: 1,
        steps: 1), state: state)
      state = next  // the state after this step is the next call's state
      let best = scores.reshaped([1, -1]).argmax()[0]  // scores: (1, 1, vocab)
      written.append(best)
      if best == eos { break }
      word = best  // fed back as the next input
    }
    // ANCHOR_END: ed-generate
    for (k, (input, best)) in zip([bos] + written, written).enumerated() {
      out.say("  " + tr("generate.step", ["step": k + 1, "input": input, "best": best]))
    }
    out.say()
    out.say("  " + tr("generate.source", ["source": "\(source.tokens.prefix(Int(length[0])))", "written": "\(written)"]))
    out.say("  " + tr("generate.note", ["bos": bos, "eos": eos]))
    return written
  }
}
