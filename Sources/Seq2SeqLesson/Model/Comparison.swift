import D2L
import CourseKit
import LessonEngine

/// One trained setting of a comparison: its name, its curve of cross-entropy per valid target
/// token, and its translations of the book's sentences with their BLEU.
public struct ComparedRun {
  public let name: String
  public let perToken: [Double]
  public let translations: [(translation: String, bleu: Double)]
  public let seconds: Double
  /// The share of updates whose gradient was clipped, and the median norm before clipping,
  /// when the run counted them.
  public var clippedShare: Double?
  public var medianGradientNorm: Double?

  public init(name: String, perToken: [Double], translations: [(translation: String, bleu: Double)], seconds: Double) {
    (self.name, self.perToken, self.translations, self.seconds) = (name, perToken, translations, seconds)
  }

  public var meanBLEU: Double { translations.map(\.bleu).reduce(0, +) / Double(max(translations.count, 1)) }
}

/// Trains `model` with the lesson's loop and `settings`, then translates the book's sentences.
public func compare<E, D>(
  _ name: String, _ model: EncoderDecoder<E, D>, data: TranslationData, settings: TranslationSettings, numSteps: Int
) -> ComparedRun {
  let history = trainTranslator(model.encoder, model.decoder, data: data, settings: settings)
  let translations = zip(BookSentences.english, BookSentences.french).map { english, french in
    let t = greedyTranslate(model.encoder, model.decoder, english, sourceVocab: data.sourceVocab, targetVocab: data.targetVocab, numSteps: numSteps)
    return (t, bleu(t, french, k: 2))
  }
  var run = ComparedRun(name: name, perToken: history.perToken, translations: translations, seconds: history.seconds)
  run.clippedShare = history.clippedShare
  run.medianGradientNorm = history.medianGradientNorm
  return run
}

/// The book's model of `configuration`'s sizes, fresh and Xavier-initialised, trained with the
/// lesson's loop under `settings` and compared.
public func compareBookModel(
  _ name: String, configuration: Seq2SeqConfiguration, data: TranslationData, settings: TranslationSettings
) -> ComparedRun {
  compare(name, Seq2SeqTrainer.freshModel(configuration, data: data), data: data, settings: settings,
          numSteps: configuration.numSteps)
}

/// Prints runs side by side: their curves in one chart, a table of the last loss, the mean
/// BLEU and the time, and every sentence's translations.
public func show(_ runs: [ComparedRun], _ out: StepOutput) {
  out.chart(StepChart(title: tr("compare.chart"), series: runs.map { .init(name: $0.name, values: $0.perToken) }))
  let width = runs.map { LineFitter.columns($0.name) }.max() ?? 0
  func pad(_ s: String) -> String { s + String(repeating: " ", count: max(0, width - LineFitter.columns(s))) }
  let table = ResultTable(
    columns: [tr("compare.setting"), tr("compare.loss"), tr("compare.bleu"), tr("compare.seconds"), tr("compare.norm"), tr("compare.clipped")],
    rows: runs.map { run in [
      run.name, Num.fixed(run.perToken.last ?? .nan, 3), Num.fixed(run.meanBLEU, 3), Num.fixed(run.seconds, 1),
      run.medianGradientNorm.map { Num.fixed($0, 2) } ?? "–", run.clippedShare.map { Num.fixed(100 * $0, 0) + "%" } ?? "–",
    ] })
  for line in table.lines(width: out.width) { out.say(line) }
  for (k, english) in BookSentences.english.enumerated() {
    out.say()
    out.say("  \(english)  (\(BookSentences.french[k]))")
    for run in runs {
      let (t, b) = run.translations[k]
      out.say("    " + pad(run.name) + "  => \(t)   BLEU \(Num.fixed(b, 3))")
    }
  }
}

/// A trained book model as a compared run.
extension TrainedTranslator {
  public func comparedRun(_ name: String) -> ComparedRun {
    // The book's loss is each sequence's masked cross-entropies / numSteps, summed over the
    // sequences, / the valid tokens: × numSteps it is the cross-entropy per valid token.
    ComparedRun(name: name, perToken: history.map { $0.loss * Double(configuration.numSteps) },
                translations: translate(BookSentences.english, references: BookSentences.french),
                seconds: history.reduce(0) { $0 + $1.seconds })
  }
}
