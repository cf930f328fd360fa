import D2L
import CourseKit
import Foundation
import LessonEngine

/// The book's two BLEU examples: the precisions p₁ … p₄ of "A B B C D" against "A B C D E F",
/// and the brevity penalty of "A B" against the same label. Each pₙ is read off BLEU itself:
/// BLEU with k = n divided by BLEU with k = n − 1 is pₙ^(1/2ⁿ).
public enum S2SBleuExampleStep: LessonStep {
  public static let id = "s2s-bleu-example"
  public static var summary: String { tr("bleu.summary") }
  public typealias Input = StepValues

  /// BLEU of the two examples with k = 4 and k = 2.
  public typealias Output = [Double]

  public static func run(_ values: StepValues, _ out: StepOutput) -> [Double] {
    // ANCHOR: s2s-bleu-example
    let label = "A B C D E F"
    // k = 0: the penalty alone
    let scores = (0...4).map { k in bleu("A B B C D", label, k: k) }
    let short = bleu("A B", label, k: 2)
    // ANCHOR_END: s2s-bleu-example
    out.say("  bleu(\"A B B C D\", \"\(label)\"):")
    out.say("    " + tr("bleu.penalty", ["value": String(format: "%.3f", scores[0])]))
    for n in 1...4 {
      let p = scores[n - 1] > 0 ? pow(scores[n] / scores[n - 1], pow(2, Double(n))) : 0
      out.say("    p\(Scripts.sub(n)) = \(String(format: "%.3f", p))   BLEU (k = \(n)) = \(String(format: "%.3f", scores[n]))")
    }
    out.say()
    out.say("  bleu(\"A B\", \"\(label)\", k: 2) = \(String(format: "%.3f", short))   " + tr("bleu.short", [
      "penalty": String(format: "%.3f", exp(1 - 6.0 / 2)),
    ]))
    return [scores[4], short]
  }
}

/// The four translations of the book with their BLEU (k = 2), from the trained model.
public enum S2STranslateStep: LessonStep {
  public static let id = "s2s-translate"
  public static var summary: String { tr("translate.summary") }
  public static let parameters: [StepParameter] = [
    .text("sentences", tr("help.sentences")),
    .text("references", tr("help.references")),
  ]
  public static let requires = [S2STrainStep.id]

  public struct Input {
    public var trained: TrainedTranslator
    public var sentences, references: [String]
  }

  /// The translations, in order.
  public typealias Output = [String]

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    let sentences = values.string("sentences").split(separator: "|").map(String.init)
    let references = values.string("references").split(separator: "|").map(String.init)
    guard sentences.count == references.count, !sentences.isEmpty else {
      throw StepError(tr("translate.counts", ["sentences": sentences.count, "references": references.count]))
    }
    return Input(trained: try results.output(of: S2STrainStep.self), sentences: sentences, references: references)
  }

  public static func run(_ input: Input, _ out: StepOutput) -> [String] {
    let (model, data, numSteps) = (input.trained.model, input.trained.data, input.trained.configuration.numSteps)
    var translations: [String] = []
    for (english, french) in zip(input.sentences, input.references) {
      // ANCHOR: s2s-translate
      let (translation, _) = model.predict(
        english, sourceVocab: data.sourceVocab, targetVocab: data.targetVocab,
          numSteps: numSteps)
      let score = bleu(translation, french, k: 2)
      // ANCHOR_END: s2s-translate
      out.say("  \(english) => \(translation), bleu \(String(format: "%.3f", score))")
      translations.append(translation)
    }
    return translations
  }
}
