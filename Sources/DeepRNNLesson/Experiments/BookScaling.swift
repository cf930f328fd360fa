import LessonEngine
import D2L
import Foundation

/// Exercise 3: train on several books; how low can perplexity go? The Time Machine first,
/// then one more of Wells' novels per setting, each book giving the same number of training
/// tokens. Every setting is measured on the same held-out text, the end of all four novels,
/// so the numbers compare even though the settings train on different books.
public struct BookScaling: Experiment {
  public static let exercise = 3
  public static let title = "More books: held-out perplexity as the training data grows"
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
    log.line("Exercise 3: \(budget.cell.displayName) (--cell to change) on 1 to \(splits.count) of Wells' novels, \(budget.trainTokens > 0 ? "\(budget.trainTokens) tokens" : "all tokens") of each; "
      + "held out: the last \(budget.heldOutTokens) tokens of each of the \(splits.count) novels, never trained on")
    log.line("  every setting: \(budget.summary)")
    log.line(budget.sameUpdates
      ? "  the same number of minibatches for every setting: fewer epochs as the books add up"
      : "  the same epochs for every setting, so more books also means more updates (see --same-updates)")
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
      log.line(String(format: "  %@: %d training tokens, training perplexity %.3f, held-out Wells %.3f, %.1f s",
                      name, tokens.count, result.trainPerplexity, result.heldOut[Self.wellsKey]!, result.wallSeconds))
      settings.append(result)
    }
    let rows = settings.map { s in
      [s.name, "\(s.books.count)", ExperimentSupport.count(s.trainingTokens), "\(s.history.count)", ExperimentSupport.fixed(s.trainPerplexity, 3),
       ExperimentSupport.fixed(s.heldOut[Self.timeMachineKey]!, 3), ExperimentSupport.fixed(s.heldOut[Self.wellsKey]!, 3),
       String(format: "%.1f", s.wallSeconds)]
    }
    var report = ExperimentReport(
      exercise: Self.exercise, title: Self.title, budget: budget, settings: settings, heldOut: splits.map(HeldOutRecord.init),
      table: ResultTable(columns: ["setting", "books", "train tokens", "epochs", "train ppl", "held-out TM", "held-out Wells", "wall s"], rows: rows))
    report.extraTables = [.init(title: "Held-out perplexity per novel (each novel's last \(budget.heldOutTokens) tokens)", table: perBook(settings))]
    let x = settings.map { Double($0.trainingTokens) }, labels = settings.map { "\($0.name) (\(ExperimentSupport.count($0.trainingTokens)))" }
    report.charts = [
      .init(slug: "held-out", kind: .bars, title: "Held-out perplexity on Wells vs training tokens",
            xLabel: "training tokens", yLabel: "perplexity",
            series: [.init(name: "held-out Wells", x: x, y: settings.map { $0.heldOut[Self.wellsKey]! }, labels: labels),
                     .init(name: "training", x: x, y: settings.map(\.trainPerplexity), labels: labels)]),
      ExperimentSupport.curves(settings, title: "Training perplexity per epoch"),
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
      columns: ["held-out novel"] + settings.map(\.name),
      rows: titles.map { t in [t] + settings.map { ExperimentSupport.fixed($0.heldOut[t] ?? .nan, 3) } })
  }

  private func notes(_ settings: [SettingResult]) -> [String] {
    guard let first = settings.first, let last = settings.last, settings.count > 1 else { return [] }
    let a = first.heldOut[Self.wellsKey]!, b = last.heldOut[Self.wellsKey]!
    let best = settings.min { $0.heldOut[Self.wellsKey]! < $1.heldOut[Self.wellsKey]! }!
    var notes = [String(
      format: "From %@ to %@ training tokens, held-out perplexity on Wells went from %.3f to %.3f (%@); the lowest is %.3f (%@).",
      ExperimentSupport.count(first.trainingTokens), ExperimentSupport.count(last.trainingTokens), a, b,
      ExperimentSupport.change(from: a, to: b) + (abs(b - a) < 0.05 * a ? ", little change" : ""), best.heldOut[Self.wellsKey]!, best.name)]
    // Whether the smallest setting overfits decides what the extra books are doing.
    let gaps = settings.map { $0.heldOut[Self.wellsKey]! - $0.trainPerplexity }
    let gapText = zip(settings, gaps).map { "\($0.name) \(ExperimentSupport.fixed($1))" }.joined(separator: ", ")
    if gaps[0] > 0.05 * first.trainPerplexity {
      notes.append("Held-out minus training perplexity: \(gapText). With one book the model already does better on text it has "
        + "read than on text it has not (it memorises); more books narrow that gap, which is what more data is for.")
    } else {
      notes.append("Held-out minus training perplexity: \(gapText). Even the one-book model does about as well on unseen Wells "
        + "as on its training text (training perplexity is averaged over an epoch while it still improves): it is still learning, "
        + "not yet memorising. Overfitting, which more data cures, has not set in at this budget; what the extra books add here is "
        + (budget.sameUpdates
          ? "variety, more different text for the same number of updates" + (abs(b - a) < 0.05 * a ? ", which at this budget changes little." : ".")
          : "mostly more updates (the epochs are fixed)"
            + (gaps.last! > gaps[0] ? "; the gap widens as the settings train longer and fit their text more closely." : "."))
        )
    }
    if budget.sameUpdates {
      notes.append("Every setting trained on about as many minibatches (epochs: "
        + settings.map { "\($0.history.count)" }.joined(separator: ", ")
        + "), so the differences come from how much distinct text each one saw, not from more training.")
    } else {
      notes.append("The epochs are fixed, so each added book also adds updates: part of the gain is more training. "
        + "`lessons experiment 3 --same-updates` gives every setting as many minibatches, and separates the two; "
        + "`--train-tokens 0` uses whole books, and more epochs or a larger model go lower still, at the price of time.")
    }
    return notes
  }

  /// `TM`, `IM`, `DM`, `WW`: the capitals of a title, without "The" and "of".
  public static func initials(_ title: String) -> String {
    let words = title.split(separator: " ").filter { !["The", "of", "the"].contains($0) }
    return String(words.compactMap(\.first).filter(\.isUppercase))
  }
}
