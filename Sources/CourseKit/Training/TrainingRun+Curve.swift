import D2L
import LessonEngine

extension TrainingRun {
  /// The book's published end point for this run (the lesson's `reference`), drawn as a level
  /// beside the curve; nil when the lesson publishes none.
  var referenceLevel: BrailleChart.Level? {
    reference.map { BrailleChart.Level(name: $0.source + " " + Num.fixed($0.perplexity, 1), value: $0.perplexity) }
  }

  /// The run's perplexity curve, printed once at the end (a transcript's only chart; on a
  /// terminal it replaces the live one), with the learner's previous run of the same
  /// configuration and the book's end point beside it. Kept as the step's chart event.
  func showCurve(_ history: [EpochReport], _ out: StepOutput) {
    guard history.count > 1 else { return }
    var series = [StepChart.Series(name: tr("word.perplexity"), values: history.map(\.perplexity))]
    if let previous = LiveChart.previousRun, !previous.isEmpty {
      series.append(.init(name: LiveChart.previousRunName, values: previous))
    }
    if let level = referenceLevel {
      series.append(.init(name: level.name, values: Array(repeating: level.value, count: history.count)))
    }
    out.chart(StepChart(series: series, height: 10))
  }
}
