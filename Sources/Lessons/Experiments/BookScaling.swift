import D2L
import Foundation

/// Exercise 3: train on several books; how low can perplexity go? The Time Machine first,
/// then one more of Wells' novels per setting, each book giving the same number of training
/// tokens. Every setting is measured on the same held-out text, the end of all four novels,
/// so the numbers compare even though the settings train on different books.
struct BookScaling: Experiment {
  static let exercise = 3
  static let title = "More books: held-out perplexity as the training data grows"
  /// `trainTokens` is per book: 40k, 80k, 120k, 160k tokens for 1 to 4 books; a smaller
  /// model than the chapter's, so that all four settings fit in about 3 minutes.
  static var defaultBudget: ExperimentBudget {
    var b = ExperimentBudget()
    b.numLayers = 2
    b.hiddenSize = 128
    b.epochs = 12
    b.trainTokens = 40_000
    b.heldOutTokens = 5_000
    return b
  }

  var budget: ExperimentBudget
  var locator = DataLocator()
  var books = BookCatalog.wells

  /// The held-out groups every setting is scored on.
  static let wellsKey = "Wells (4 books)"
  static let timeMachineKey = "The Time Machine"

  func run(log: ExperimentLog, shouldStop: @escaping () -> Bool) throws -> ExperimentReport {
    let start = Date()
    let splits = try BookCatalog.load(books, locator: locator).map { $0.split(heldOutTokens: budget.heldOutTokens) }
    let passages = splits.map(HeldOutPassage.init)
    log.line("Exercise 3: \(budget.cell.displayName) on 1 to \(splits.count) of Wells' novels, \(budget.trainTokens > 0 ? "\(budget.trainTokens) tokens" : "all tokens") of each; "
      + "held out: the last \(budget.heldOutTokens) tokens of each of the \(splits.count) novels, never trained on")
    log.line("  every setting: \(budget.summary) (the same epochs, so more books also means more updates)")
    let trainer = SettingTrainer(budget: budget, log: log, shouldStop: shouldStop)
    var settings: [SettingResult] = []
    for plan in Self.plans(splits, budget: budget) {
      let name = plan.name, tokens = plan.tokens
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
      [s.name, "\(s.books.count)", ExperimentSupport.count(s.trainingTokens), ExperimentSupport.fixed(s.trainPerplexity, 3),
       ExperimentSupport.fixed(s.heldOut[Self.timeMachineKey]!, 3), ExperimentSupport.fixed(s.heldOut[Self.wellsKey]!, 3),
       String(format: "%.1f", s.wallSeconds)]
    }
    var report = ExperimentReport(
      exercise: Self.exercise, title: Self.title, budget: budget, settings: settings, heldOut: splits.map(HeldOutRecord.init),
      table: ResultTable(columns: ["setting", "books", "train tokens", "train ppl", "held-out TM", "held-out Wells", "wall s"], rows: rows))
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
  static func plans(_ splits: [BookSplit], budget: ExperimentBudget) -> [SettingPlan] {
    (1...max(splits.count, 1)).map { k in
      let used = Array(splits.prefix(k))
      return SettingPlan(name: used.map { initials($0.book.title) }.joined(separator: "+"), splits: used) { _ in budget.trainTokens }
    }
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
      ExperimentSupport.change(from: a, to: b), best.heldOut[Self.wellsKey]!, best.name)]
    notes.append(String(
      format: "The gap between held-out and training perplexity went from %.3f to %.3f: with more text the model memorises less "
        + "and learns more of what all of Wells' prose shares.",
      a - first.trainPerplexity, b - last.trainPerplexity))
    notes.append("Each added book also adds updates (the epochs are fixed), so part of the gain is more training; "
      + "`--train-tokens 0` uses whole books, and more epochs or a larger model go lower still, at the price of time.")
    return notes
  }

  /// `TM`, `IM`, `DM`, `WW`: the capitals of a title, without "The" and "of".
  static func initials(_ title: String) -> String {
    let words = title.split(separator: " ").filter { !["The", "of", "the"].contains($0) }
    return String(words.compactMap(\.first).filter(\.isUppercase))
  }
}
