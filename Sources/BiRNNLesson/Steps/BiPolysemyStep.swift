import D2L
import Foundation
import LessonEngine

/// The section's third exercise, measured: a word's representation in context is the top
/// layer's state at the word's last character. With the same words before it and different
/// words after it, the one-directional state cannot differ; the bidirectional one can.
public enum BiPolysemyStep: LessonStep {
  public static let id = "bi-polysemy"
  public static var summary: String { tr("polysemy.summary") }
  public static let parameters: [StepParameter] = [
    .text("word", tr("help.word")),
    .text("contexts", tr("help.contexts")),
  ]
  public static let requires = [BiTrainStep.id]

  public struct Input {
    public var word: String
    public var contexts: [String]
    public var oneDirectional, bidirectional: TrainedModel
  }

  /// Cosine similarity of the word's two representations: one-directional, bidirectional.
  public struct Output {
    public let oneDirectional, bidirectional: Double

    public init(oneDirectional: Double, bidirectional: Double) {
      self.oneDirectional = oneDirectional
      self.bidirectional = bidirectional
    }
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    let word = values.string("word").lowercased()
    let contexts = values.string("contexts").lowercased().split(separator: "|").map(String.init)
    guard contexts.count == 2 else { throw StepError(tr("polysemy.twoContexts", ["count": contexts.count])) }
    for context in contexts where !context.contains(word) {
      throw StepError(tr("polysemy.noWord", ["word": word, "context": context]))
    }
    let trained = try results.output(of: BiTrainStep.self)
    return Input(
      word: word, contexts: contexts, oneDirectional: trained.oneDirectional, bidirectional: trained.bidirectional)
  }

  public static func run(_ input: Input, _ out: StepOutput) -> Output {
    let (word, contexts) = (input.word, input.contexts)
    var similarities: [Double] = []
    for trained in [input.oneDirectional, input.bidirectional] {
      let (model, vocab) = (trained.model, trained.vocab)
      // ANCHOR: bi-polysemy
      // the top layer's state at the word's last character, in each context
      let states = contexts.map { sentence in
        let end = sentence.range(of: word)!.upperBound
        let t = sentence.distance(from: sentence.startIndex, to: end) - 1
        var top = Tensor.zeros([1])
        _ = withoutGradients {
          model(
            timeMajorTokens: sentence.map { Int32(vocab[String($0)]) },
            steps: sentence.count, batch: 1
          ) { layer, H in if layer == model.numLayers { top = H[t] } }
        }
        return top.scalars
      }
      let similarity = BiPolysemyStep.cosine(states[0], states[1])
      // ANCHOR_END: bi-polysemy
      similarities.append(similarity)
    }
    for (k, context) in contexts.enumerated() { out.say("  \(k + 1). \"\(context)\"") }
    out.say("  " + tr("polysemy.measure", ["word": word]))
    out.say("    " + tr("predict.one") + ": " + Num.fixed(similarities[0], 4))
    out.say("    " + tr("predict.bi") + ": " + Num.fixed(similarities[1], 4))
    let sameLeft = BiPolysemyStep.commonPrefixEndsAfter(word, contexts)
    out.say("  " + tr(sameLeft ? "polysemy.sameLeft" : "polysemy.differentLeft"))
    return Output(oneDirectional: similarities[0], bidirectional: similarities[1])
  }

  /// cos(a, b) = a·b / (|a| |b|).
  public static func cosine(_ a: [Float], _ b: [Float]) -> Double {
    let dot = zip(a, b).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
    let norms = sqrt(a.reduce(0.0) { $0 + Double($1 * $1) }) * sqrt(b.reduce(0.0) { $0 + Double($1 * $1) })
    return norms > 0 ? dot / norms : 0
  }

  /// Do both contexts read the same up to the end of the word?
  public static func commonPrefixEndsAfter(_ word: String, _ contexts: [String]) -> Bool {
    let ends = contexts.map { $0[..<$0.range(of: word)!.upperBound] }
    return ends[0] == ends[1]
  }
}
