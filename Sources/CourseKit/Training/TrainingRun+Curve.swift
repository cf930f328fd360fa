import D2L
import LessonEngine

extension TrainingRun {
  /// D2L's published end point for the run (`publishedPerplexity`), drawn as a level beside
  /// the curve.
  var published: BrailleChart.Level {
    BrailleChart.Level(name: "D2L " + Num.fixed(publishedPerplexity, 1), value: publishedPerplexity)
  }

  /// The run's perplexity curve, printed once at the end (a transcript's only chart; on a
  /// terminal it replaces the live one), with the learner's previous run of the same
  /// configuration and D2L's end point beside it. Kept as the step's chart event.
  func showCurve(_ history: [EpochReport], _ out: StepOutput) {
    guard history.count > 1 else { return }
    var series = [StepChart.Series(name: tr("word.perplexity"), values: history.map(\.perplexity))]
    if let previous = LiveChart.previousRun, !previous.isEmpty {
      series.append(.init(name: LiveChart.previousRunName, values: previous))
    }
    series.append(.init(name: published.name, values: Array(repeating: published.value, count: history.count)))
    out.chart(StepChart(series: series, height: 10))
  }
}
