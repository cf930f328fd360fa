import CourseKit
import LessonEngine
import D2L
import Foundation

/// Exercise 3: train on several books; how low can perplexity go? The Time Machine first,
/// then one more of Wells' novels per setting, each book giving the same number of training
/// tokens. Every setting is measured on the same held-out text, the end of all four novels,
/// so the numbers compare even though the settings train on different books.
public struct BookScaling: Experiment {
  public static let exercise = 3
  public static var title: String { tr("books.title") }
  /// `trainTokens` is per book: 50k, 100k, 150k, 200k tokens for 1 to 4 books. A GRU: in
  /// exercise 2 the LSTM spends its first few hundred minibatches on a plateau that the GRU
  /// does not have, and a short run cannot afford it. Smaller than the chapter's model, so that all
  /// four settings fit in about 2 minutes.
  public static var defaultBudget: ExperimentBudget { .smallGRU(trainTokens: 50_000) }

  public var budget: ExperimentBudget
  public var locator = DataLocator()
  public var books = BookCatalog.wells

  public init(budget: ExperimentBudget, locator: DataLocator = DataLocator(), books: [BookCatalog.Entry] = BookCatalog.wells) {
    self.budget = budget
    self.locator = locator
    self.books = books
  }

  /// The held-out groups every setting is scored on.
  public static let wellsKey = "Wells (4 books)"
  public static let timeMachineKey = "The Time Machine"

  public func run(log: ExperimentLog, shouldStop: @escaping () -> Bool) throws -> ExperimentReport {
    let start = Date()
    let splits = try BookCatalog.load(books, locator: locator).map { $0.split(heldOutTokens: budget.heldOutTokens) }
    let passages = splits.map(HeldOutPassage.init)
    log.line(tr("books.intro", [
      "cell": budget.cell.displayName, "count": splits.count,
      "tokens": budget.trainTokens > 0 ? tr("books.tokens", ["tokens": Num.int(budget.trainTokens)]) : tr("books.allTokens"),
      "heldOut": Num.int(budget.heldOutTokens),
    ]))
    log.line("  " + tr("books.budget", ["summary": budget.summary]))
    log.line("  " + tr(budget.sameUpdates ? "books.sameUpdates" : "books.sameEpochs"))
    let plans = Self.plans(splits, budget: budget)
    var settings: [SettingResult] = []
    for plan in plans {
      let name = plan.name, tokens = plan.tokens
      var budget = budget
      budget.epochs = Self.epochs(for: tokens.count, firstSetting: plans[0].tokens.count, budget: budget)
      let trainer = SettingTrainer(budget: budget, log: log, shouldStop: shouldStop)
      let settingStart = Date()
      var (model, result) = try trainer.train(name: name, cell: budget.cell, books: plan.files, tokens: tokens)
      let scores = HeldOutEvaluation.scores(of: model, on: passages)
      result.heldOut[Self.wellsKey] = HeldOutEvaluation.perplexity(scores)
      result.heldOut[Self.timeMachineKey] = HeldOutEvaluation.perplexity([scores[0]])
      for score in scores { result.heldOut[score.passage.title] = score.perplexity }
      result.wallSeconds = Date().timeIntervalSince(settingStart)
      log.summary("  " + tr("books.result", [
        "name": name, "tokens": Num.int(tokens.count), "train": Num.fixed(result.trainPerplexity, 3),
        "wells": Num.fixed(result.heldOut[Self.wellsKey]!, 3), "seconds": Num.fixed(result.wallSeconds, 1),
      ]))
      settings.append(result)
    }
    let rows = settings.map { s in
      [s.name, "\(s.books.count)", ExperimentSupport.count(s.trainingTokens), "\(s.history.count)", ExperimentSupport.fixed(s.trainPerplexity, 3),
       ExperimentSupport.fixed(s.heldOut[Self.timeMachineKey]!, 3), ExperimentSupport.fixed(s.heldOut[Self.wellsKey]!, 3),
       Num.fixed(s.wallSeconds, 1)]
    }
    var report = ExperimentReport(
      exercise: Self.exercise, title: Self.title, budget: budget, settings: settings, heldOut: splits.map(HeldOutRecord.init),
      table: ResultTable(columns: tr("books.columns").components(separatedBy: "|"), rows: rows))
    report.extraTables = [.init(title: tr("books.perNovelTitle", ["tokens": Num.int(budget.heldOutTokens)]), table: perBook(settings))]
    let x = settings.map { Double($0.trainingTokens) }, labels = settings.map { "\($0.name) (\(ExperimentSupport.count($0.trainingTokens)))" }
    report.charts = [
      .init(slug: "held-out", kind: .bars, title: tr("books.barsTitle"),
            xLabel: tr("books.trainingTokens"), yLabel: tr("word.perplexity"),
            series: [.init(name: tr("books.heldOutWells"), x: x, y: settings.map { $0.heldOut[Self.wellsKey]! }, labels: labels),
                     .init(name: tr("books.training"), x: x, y: settings.map(\.trainPerplexity), labels: labels)]),
      ExperimentSupport.curves(settings, title: tr("experiment.curvesTitle")),
    ]
    report.notes = notes(settings)
    report.wallSeconds = Date().timeIntervalSince(start)
    return report
  }

  /// Setting k trains on the first k books, `trainTokens` from the start of each one's
  /// training part; named by the books' initials (`TM+IM`).
  public static func plans(_ splits: [BookSplit], budget: ExperimentBudget) -> [SettingPlan] {
    (1...max(splits.count, 1)).map { k in
      let used = Array(splits.prefix(k))
      return SettingPlan(name: used.map { initials($0.book.title) }.joined(separator: "+"), splits: used) { _ in budget.trainTokens }
    }
  }

  /// The epochs of a setting with `tokens` training tokens: the budget's, or under
  /// `sameUpdates` as many as give it the first setting's number of minibatches.
  public static func epochs(for tokens: Int, firstSetting: Int, budget: ExperimentBudget) -> Int {
    guard budget.sameUpdates, tokens > 0 else { return budget.epochs }
    return max(1, Int((Double(budget.epochs) * Double(firstSetting) / Double(tokens)).rounded()))
  }

  /// A row per held-out novel, a column per setting: which books help which novel.
  private func perBook(_ settings: [SettingResult]) -> ResultTable {
    let titles = books.map(\.title)
    return ResultTable(
      columns: [tr("books.heldOutNovel")] + settings.map(\.name),
      rows: titles.map { t in [t] + settings.map { ExperimentSupport.fixed($0.heldOut[t] ?? .nan, 3) } })
  }

  private func notes(_ settings: [SettingResult]) -> [String] {
    guard let first = settings.first, let last = settings.last, settings.count > 1 else { return [] }
    let a = first.heldOut[Self.wellsKey]!, b = last.heldOut[Self.wellsKey]!
    let best = settings.min { $0.heldOut[Self.wellsKey]! < $1.heldOut[Self.wellsKey]! }!
    var notes = [tr("books.note.range", [
      "from": ExperimentSupport.count(first.trainingTokens), "to": ExperimentSupport.count(last.trainingTokens),
      "a": Num.fixed(a, 3), "b": Num.fixed(b, 3),
      "change": ExperimentSupport.change(from: a, to: b) + (abs(b - a) < 0.05 * a ? tr("books.note.littleChange") : ""),
      "best": Num.fixed(best.heldOut[Self.wellsKey]!, 3), "bestName": best.name,
    ])]
    // Whether the smallest setting overfits decides what the extra books are doing.
    let gaps = settings.map { $0.heldOut[Self.wellsKey]! - $0.trainPerplexity }
    let gapText = zip(settings, gaps).map { "\($0.name) \(ExperimentSupport.fixed($1))" }.joined(separator: ", ")
    if gaps[0] > 0.05 * first.trainPerplexity {
      notes.append(tr("books.note.memorises", ["gaps": gapText]))
    } else {
      let added = budget.sameUpdates
        ? tr(abs(b - a) < 0.05 * a ? "books.note.varietyLittle" : "books.note.variety")
        : tr(gaps.last! > gaps[0] ? "books.note.updatesWiden" : "books.note.updates")
      notes.append(tr("books.note.learning", ["gaps": gapText, "added": added]))
    }
    if budget.sameUpdates {
      notes.append(tr("books.note.sameUpdates", ["epochs": settings.map { "\($0.history.count)" }.joined(separator: ", ")]))
    } else {
      notes.append(tr("books.note.fixedEpochs"))
    }
    return notes
  }

  /// `TM`, `IM`, `DM`, `WW`: the capitals of a title, without "The" and "of".
  public static func initials(_ title: String) -> String {
    let words = title.split(separator: " ").filter { !["The", "of", "the"].contains($0) }
    return String(words.compactMap(\.first).filter(\.isUppercase))
  }
}

extension ExperimentBudget {
  /// The budget of exercises 3 and 4: a 2-layer GRU of 128 units for 15 epochs, 5,000 held-out
  /// tokens per book (why a GRU: see `BookScaling.defaultBudget`).
  static func smallGRU(trainTokens: Int) -> ExperimentBudget {
    var b = ExperimentBudget()
    b.cell = .gru
    b.numLayers = 2
    b.hiddenSize = 128
    b.epochs = 15
    b.trainTokens = trainTokens
    b.heldOutTokens = 5_000
    return b
  }
}
