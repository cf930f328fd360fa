import D2L
import LessonEngine
import CourseKit

/// Exercise 1 measured: must the encoder and the decoder be the same kind of network? Two
/// translators with the same GRU decoder and budget, one under the averaging encoder and one
/// under a GRU encoder, trained on the book's data; their losses and translations.
public enum EDMixedStep: LessonStep {
  public static let id = "ed-mixed"
  public static var summary: String { tr("mixed.summary") }
  public static let parameters: [StepParameter] = [
    .integer("epochs", 1...1000, tr("help.epochs")), .integer("seed", 0...1_000_000, tr("help.seed")),
    .text("sentences", tr("help.sentences")), .text("references", tr("help.references")),
  ]

  public typealias Input = StepValues
  public typealias Output = Void

  public static func run(_ values: StepValues, _ out: StepOutput) throws {
    var settings = TranslationSettings()
    settings.epochs = values.int("epochs")
    let seed = UInt64(values.int("seed"))
    let english = values.string("sentences").split(separator: "|").map(String.init)
    let french = values.string("references").split(separator: "|").map(String.init)
    var g = RandomGenerator(seed: seed)
    // ANCHOR: ed-mixed
    let data = try loadDataNMT(batchSize: 64, numSteps: 10, seed: seed)
    let (sources, targets) = (data.sourceVocab.count, data.targetVocab.count)
    let averaging = EncoderDecoder(
      encoder: MeanEncoder(vocabSize: sources, embedSize: 32, numHiddens: 32,
        using: &g),
      decoder: StateDecoder(vocabSize: targets, embedSize: 32, numHiddens: 32,
        using: &g))
    let recurrent = EncoderDecoder(
      encoder: LastStateEncoder(vocabSize: sources, embedSize: 32,
        numHiddens: 32, using: &g),
      decoder: StateDecoder(vocabSize: targets, embedSize: 32, numHiddens: 32,
        using: &g))
    xavierInitWeights(averaging, using: &g)
    xavierInitWeights(recurrent, using: &g)
    let averagingRun = trainTranslator(averaging.encoder, averaging.decoder,
      data: data, settings: settings)
    let recurrentRun = trainTranslator(recurrent.encoder, recurrent.decoder,
      data: data, settings: settings)
    // ANCHOR_END: ed-mixed
    let names = [tr("mixed.averaging"), tr("mixed.recurrent")]
    out.chart(StepChart(
      title: tr("mixed.chart"),
      series: [.init(name: names[0], values: averagingRun.perToken), .init(name: names[1], values: recurrentRun.perToken)]))
    func translate<E, D>(_ model: EncoderDecoder<E, D>) -> [String] {
      english.map {
        greedyTranslate(model.encoder, model.decoder, $0, sourceVocab: data.sourceVocab, targetVocab: data.targetVocab, numSteps: 10)
      }
    }
    let translations = [translate(averaging), translate(recurrent)]
    for (k, run) in [averagingRun, recurrentRun].enumerated() {
      out.say()
      out.say("  " + tr("mixed.result", [
        "name": names[k], "loss": Num.fixed(run.perToken.last ?? .nan, 3), "seconds": Num.fixed(run.seconds, 1),
      ]))
      for (sentence, (translation, reference)) in zip(english, zip(translations[k], french)) {
        out.say("    \(sentence) => \(translation)   BLEU \(Num.fixed(bleu(translation, reference, k: 2), 3))")
      }
    }
    out.say()
    for line in LineFitter.paragraph(tr("mixed.reading"), width: out.width, first: "  ", rest: "  ") { out.say(line) }
  }
}
