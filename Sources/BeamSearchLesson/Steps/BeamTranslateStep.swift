import D2L
import Foundation
import LessonEngine

/// The book's four sentences translated with every beam size: each translation and its BLEU
/// beside greedy search's (k = 1).
public enum BeamTranslateStep: LessonStep {
  public static let id = "beam-translate"
  public static var summary: String { tr("translate.summary") }
  public static let parameters: [StepParameter] = [
    .text("beams", tr("help.beams")), .number("alpha", 0...2, tr("help.alpha")),
  ]
  public static let requires = [BeamSeq2SeqStep.id]

  public struct Input {
    public var beams: [Int]
    public var alpha: Double
    public var translator: TrainedTranslator
  }

  public static func input(_ values: StepValues, _ results: StepResults) throws -> Input {
    Input(beams: try BeamSizes.parse(values.string("beams")), alpha: values.double("alpha"),
          translator: try results.output(of: BeamSeq2SeqStep.self))
  }

  public static func run(_ input: Input, _ out: StepOutput) throws -> [BeamMeasurement] {
    let (translator, alpha) = (input.translator, input.alpha)
    let english = ["go .", "i lost .", "he's calm .", "i'm home ."]
    let french = ["va !", "j'ai perdu .", "il est calme .", "je suis chez moi ."]
    // ANCHOR: beam-translate
    var translations: [Int: [String]] = [:]  // k → the four translations
    for k in input.beams {
      translations[k] = try english.map { sentence in
        try translator.translate(sentence, beamSize: k, alpha: alpha)
          .joined(separator: " ")
      }
    }
    // ANCHOR_END: beam-translate
    return BeamTranslateStep.report(english, french, input.beams, translations, alpha: alpha, out)
  }

  /// Prints each sentence's translations, one line per beam size, with BLEU (the book's k = 2).
  public static func report(
    _ english: [String], _ french: [String], _ beams: [Int], _ translations: [Int: [String]], alpha: Double,
    _ out: StepOutput
  ) -> [BeamMeasurement] {
    for (i, sentence) in english.enumerated() {
      out.say("  \(sentence)  →  \(french[i])")
      for k in beams {
        let text = translations[k]![i]
        let changed = k != beams.first && text != translations[beams.first!]![i] ? "   *" : ""
        out.say("    k = \(String(k).padding(toLength: 3, withPad: " ", startingAt: 0)) \(text.padding(toLength: 24, withPad: " ", startingAt: 0)) BLEU \(Num.fixed(bleu(text, french[i], k: 2), 3))\(changed)")
      }
    }
    out.say("  " + tr("translate.legend"))
    return beams.map { k in
      let scores = zip(translations[k]!, french).map { bleu($0, $1, k: 2) }
      return BeamMeasurement(
        beamSize: k, alpha: alpha, translations: translations[k]!.map { $0.split(separator: " ").map(String.init) },
        meanBLEU: scores.reduce(0, +) / Double(scores.count),
        changed: zip(translations[k]!, translations[beams.first!]!).filter { $0 != $1 }.count, secondsPerSentence: .nan)
    }
  }
}

/// A step parameter's list of beam sizes, `1|2|3|5|10`.
public enum BeamSizes {
  public static func parse(_ text: String) throws -> [Int] {
    let sizes = text.split(separator: "|").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard !sizes.isEmpty, sizes.count == text.split(separator: "|").count,
          sizes.allSatisfy({ (1...SearchLimits.maximumBeamSize).contains($0) })
    else { throw StepError(tr("char.badBeams", ["beams": text])) }
    return sizes
  }
}
