import CourseKit
import LessonEngine
import D2L
import Foundation

/// Exercise 4: would you combine sources of different authors? Wells alone against Wells
/// mixed with five other authors, under the same number of training tokens, so that the
/// comparison is about the mix and not the amount. Both are measured on the same held-out
/// passages (the end of every book) and generate from the same prefixes.
public struct AuthorMixing: Experiment {
  public static let exercise = 4
  public static var title: String { tr("authors.title") }
  /// `trainTokens` is per setting, shared equally by its books: 62.5k from each Wells novel
  /// alone, 27.7k from each of the nine books in the mix. A GRU, for the reason given at
  /// `BookScaling.defaultBudget`; about 2 minutes for both settings.
  public static var defaultBudget: ExperimentBudget { .smallGRU(trainTokens: 250_000) }

  public var budget: ExperimentBudget
  public var locator = DataLocator()
  public var wells = BookCatalog.wells
  public var others = BookCatalog.others
  public var prefixes = ["the time traveller", "the man", "elizabeth"]

  public init(
    budget: ExperimentBudget, locator: DataLocator = DataLocator(), wells: [BookCatalog.Entry] = BookCatalog.wells,
    others: [BookCatalog.Entry] = BookCatalog.others, prefixes: [String] = ["the time traveller", "the man", "elizabeth"]
  ) {
    self.budget = budget
    self.locator = locator
    self.wells = wells
    self.others = others
    self.prefixes = prefixes
  }

  public static let wellsKey = "Wells"
  public static let othersKey = "others"
  /// The settings' names, in the current language.
  public static var wellsOnly: String { tr("authors.wellsAlone") }
  public static var mixed: String { tr("authors.mixed") }

  public func run(log: ExperimentLog, shouldStop: @escaping () -> Bool) throws -> ExperimentReport {
    let start = Date()
    let wellsSplits = try BookCatalog.load(wells, locator: locator).map { $0.split(heldOutTokens: budget.heldOutTokens) }
    let otherSplits = try BookCatalog.load(others, locator: locator).map { $0.split(heldOutTokens: budget.heldOutTokens) }
    let passages = (wellsSplits + otherSplits).map(HeldOutPassage.init)
    log.line(tr("authors.intro", [
      "cell": budget.cell.displayName, "count": wellsSplits.count, "others": otherSplits.map(\.book.author).joined(separator: ", "),
      "tokens": Num.int(budget.trainTokens), "heldOut": Num.int(budget.heldOutTokens),
    ]))
    log.line("  " + tr("books.budget", ["summary": budget.summary]))
    let trainer = SettingTrainer(budget: budget, log: log, shouldStop: shouldStop)
    var settings: [SettingResult] = [], scores: [[HeldOutEvaluation.Score]] = [], samples: [ExperimentReport.Sample] = []
    for plan in Self.plans(wells: wellsSplits, others: otherSplits, budget: budget) {
      let name = plan.name, tokens = plan.tokens
      let settingStart = Date()
      var (model, result) = try trainer.train(name: name, cell: budget.cell, books: plan.files, tokens: tokens)
      let s = HeldOutEvaluation.scores(of: model, on: passages)
      result.heldOut[Self.wellsKey] = HeldOutEvaluation.perplexity(Array(s.prefix(wellsSplits.count)))
      result.heldOut[Self.othersKey] = HeldOutEvaluation.perplexity(Array(s.dropFirst(wellsSplits.count)))
      for score in s { result.heldOut[score.passage.title] = score.perplexity }
      result.wallSeconds = Date().timeIntervalSince(settingStart)
      log.summary("  " + tr("authors.result", [
        "name": name, "tokens": Num.int(tokens.count), "train": Num.fixed(result.trainPerplexity, 3),
        "wells": Num.fixed(result.heldOut[Self.wellsKey]!, 3), "others": Num.fixed(result.heldOut[Self.othersKey]!, 3),
        "seconds": Num.fixed(result.wallSeconds, 1),
      ]))
      settings.append(result)
      scores.append(s)
      samples += prefixes.map { .init(prefix: $0, setting: name, text: model.predict(prefix: $0, count: 60, vocab: Book.vocab)) }
    }
    let wellsShare = settings.map { s in
      Double(s.books.filter { f in wells.contains { $0.file == f } }.count) / Double(max(s.books.count, 1))
    }
    let rows = zip(settings, wellsShare).map { s, share in
      [s.name, "\(s.books.count)", ExperimentSupport.count(s.trainingTokens), Num.percent(share),
       ExperimentSupport.fixed(s.trainPerplexity, 3), ExperimentSupport.fixed(s.heldOut[Self.wellsKey]!, 3),
       ExperimentSupport.fixed(s.heldOut[Self.othersKey]!, 3), Num.fixed(s.wallSeconds, 1)]
    }
    var report = ExperimentReport(
      exercise: Self.exercise, title: Self.title, budget: budget, settings: settings,
      heldOut: (wellsSplits + otherSplits).map(HeldOutRecord.init),
      table: ResultTable(
        columns: tr("authors.columns").components(separatedBy: "|"),
        rows: rows))
    report.extraTables = [.init(title: tr("authors.perBookTitle", ["tokens": Num.int(budget.heldOutTokens)]), table: perBook(scores))]
    report.charts = [ExperimentSupport.curves(settings, title: tr("experiment.curvesTitle"))]
    report.samples = samples
    report.notes = AuthorMixingDiscussion(settings: settings, scores: scores, samples: samples).notes
    report.wallSeconds = Date().timeIntervalSince(start)
    return report
  }

  /// Wells alone, then Wells and the others; each setting's books share `trainTokens`
  /// equally, so both settings train on as many tokens (as long as no book runs short).
  /// `trainTokens` 0 means all of Wells' training text, which the mix then shares.
  public static func plans(wells: [BookSplit], others: [BookSplit], budget: ExperimentBudget) -> [SettingPlan] {
    let total = budget.trainTokens > 0 ? budget.trainTokens : wells.reduce(0) { $0 + $1.trainRange.count }
    return [(wellsOnly, wells), (mixed, wells + others)].map { name, splits in
      let share = max(1, total / max(splits.count, 1))
      return SettingPlan(name: name, splits: splits) { _ in share }
    }
  }

  /// A row per held-out book: author, title, each setting's perplexity, and the change.
  private func perBook(_ scores: [[HeldOutEvaluation.Score]]) -> ResultTable {
    let rows = scores[0].indices.map { i -> [String] in
      let a = scores[0][i].perplexity, b = scores[1][i].perplexity
      return [scores[0][i].passage.author, scores[0][i].passage.title, ExperimentSupport.fixed(a, 3), ExperimentSupport.fixed(b, 3),
              ExperimentSupport.change(from: a, to: b)]
    }
    return ResultTable(columns: [tr("authors.author"), tr("authors.book"), Self.wellsOnly, Self.mixed, tr("authors.change")], rows: rows)
  }
}
