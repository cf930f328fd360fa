import LessonEngine
import D2L
import Foundation

/// Exercise 2: replace the LSTM by a GRU (and the vanilla RNN) and compare perplexity and
/// training speed. Every cell trains on the same Time Machine text, with the same sizes,
/// epochs and seed, and is measured on the same held-out passage: the end of the book.
public struct CellComparison: Experiment {
  public static let exercise = 2
  public static let title = "GRU vs LSTM (and the vanilla RNN), same budget"
  /// The chapter's model (2 layers, 256 hidden units), on the whole book but its last 10,000
  /// tokens (not just the chapter's first 10,000, which a model this size memorises), for as
  /// many epochs as fit in about 3 minutes for all three cells.
  public static var defaultBudget: ExperimentBudget {
    var b = ExperimentBudget()
    b.numLayers = 2
    b.hiddenSize = 256
    b.epochs = 8
    b.trainTokens = 0
    b.heldOutTokens = 10_000
    return b
  }

  public var budget: ExperimentBudget
  public var locator = DataLocator()
  public var cells: [CellKind] = [.rnn, .gru, .lstm]
  public var prefix = "the time traveller"

  public init(
    budget: ExperimentBudget, locator: DataLocator = DataLocator(), cells: [CellKind] = [.rnn, .gru, .lstm],
    prefix: String = "the time traveller"
  ) {
    self.budget = budget
    self.locator = locator
    self.cells = cells
    self.prefix = prefix
  }

  public func run(log: ExperimentLog, shouldStop: @escaping () -> Bool) throws -> ExperimentReport {
    let start = Date()
    let book = try BookCatalog.load([BookCatalog.timeMachine], locator: locator)[0]
    let split = book.split(heldOutTokens: budget.heldOutTokens)
    let plan = Self.plan(split, budget: budget)
    let tokens = plan.tokens
    let passage = HeldOutPassage(split)
    log.line("Exercise 2: \(cells.map(\.displayName).joined(separator: ", ")) on the first \(tokens.count) tokens of The Time Machine; "
      + "held out: its last \(passage.tokens.count) tokens")
    log.line("  every cell: \(budget.summary)")
    let trainer = SettingTrainer(budget: budget, log: log, shouldStop: shouldStop)
    var settings: [SettingResult] = [], parameters: [String: Int] = [:], samples: [ExperimentReport.Sample] = []
    for cell in cells {
      let settingStart = Date()
      var (model, result) = try trainer.train(name: cell.displayName, cell: cell, books: plan.files, tokens: tokens)
      result.heldOut[book.title] = HeldOutEvaluation.perplexity(HeldOutEvaluation.scores(of: model, on: [passage]))
      result.wallSeconds = Date().timeIntervalSince(settingStart)
      log.line(String(format: "  %@: training perplexity %.3f, held-out %.3f, %.0f tokens/s, %.1f s",
                      cell.displayName, result.trainPerplexity, result.heldOut[book.title]!, result.tokensPerSecond, result.wallSeconds))
      settings.append(result)
      parameters[result.name] = model.parameterCount
      samples.append(.init(prefix: prefix, setting: cell.displayName, text: model.predict(prefix: prefix, count: 60, vocab: Book.vocab)))
    }
    let rows = settings.map { s in
      [s.name, ExperimentSupport.count(parameters[s.name]!), ExperimentBudget.number(s.learningRate), "\(s.history.count)", ExperimentSupport.fixed(s.trainPerplexity, 3),
       ExperimentSupport.fixed(s.heldOut[book.title]!, 3), String(format: "%.0f", s.tokensPerSecond),
       String(format: "%.1f", s.wallSeconds)]
    }
    var report = ExperimentReport(
      exercise: Self.exercise, title: Self.title, budget: budget, settings: settings, heldOut: [HeldOutRecord(split)],
      table: ResultTable(columns: ["cell", "parameters", "lr", "epochs", "train ppl", "held-out ppl", "tokens/s", "wall s"], rows: rows))
    report.charts = [ExperimentSupport.curves(settings, title: "Training perplexity per epoch")]
    report.samples = samples
    report.notes = notes(settings, parameters: parameters, heldOutKey: book.title)
    report.wallSeconds = Date().timeIntervalSince(start)
    return report
  }

  /// What every cell trains on: the first `trainTokens` of the book's training part.
  public static func plan(_ split: BookSplit, budget: ExperimentBudget) -> SettingPlan {
    SettingPlan(name: "The Time Machine", splits: [split]) { _ in budget.trainTokens }
  }

  /// Sentences read off the numbers: who generalises best, who is fastest, who overfits.
  private func notes(_ settings: [SettingResult], parameters: [String: Int], heldOutKey: String) -> [String] {
    guard let best = settings.min(by: { $0.heldOut[heldOutKey]! < $1.heldOut[heldOutKey]! }),
      let fastest = settings.max(by: { $0.tokensPerSecond < $1.tokensPerSecond }) else { return [] }
    var notes = [String(format: "Lowest held-out perplexity: %@ (%.3f). Fastest: %@ (%.0f tokens/s).",
                        best.name, best.heldOut[heldOutKey]!, fastest.name, fastest.tokensPerSecond)]
    if let gru = settings.first(where: { $0.cell == .gru }), let lstm = settings.first(where: { $0.cell == .lstm }),
      let gi = parameters[gru.name], let li = parameters[lstm.name] {
      var text = String(
        format: "GRU vs LSTM: held-out %.3f vs %.3f; %.2f× the LSTM's tokens/s, with 3 gates' weights to its 4 (%@ vs %@ parameters).",
        gru.heldOut[heldOutKey]!, lstm.heldOut[heldOutKey]!, gru.tokensPerSecond / lstm.tokensPerSecond,
        ExperimentSupport.count(gi), ExperimentSupport.count(li))
      // Per epoch, at the middle of the run: which cell learns faster from the same minibatches.
      let mid = min(gru.history.count, lstm.history.count) / 2
      if mid >= 1 {
        let g = gru.history[mid - 1].perplexity, l = lstm.history[mid - 1].perplexity
        text += String(format: " Per epoch the %@ learns faster too: after epoch %d, training perplexity %.2f (GRU) vs %.2f (LSTM).",
                       g < l ? "GRU" : "LSTM", mid, g, l)
      }
      notes.append(text)
    }
    let gaps = settings.map { "\($0.name) \(ExperimentSupport.fixed($0.heldOut[heldOutKey]! - $0.trainPerplexity))" }
    notes.append("Held-out minus training perplexity: " + gaps.joined(separator: ", ") + ". The training figure is averaged over "
      + "the last epoch while the weights still improved, so it reads a little high: a gap near zero or below means the "
      + "model has not started to memorise the book; a gap well above zero means it has (overfitting).")
    if let rnn = settings.first(where: { $0.cell == .rnn }), rnn.learningRate != budget.learningRate {
      notes.append("The vanilla RNN trains at lr \(ExperimentBudget.number(rnn.learningRate)), not \(ExperimentBudget.number(budget.learningRate)): "
        + "at 2, with the default sizes, its training perplexity climbed past 1000 by epoch 4 (diverged). "
        + "`--lr` sets one rate for all three.")
    }
    return notes
  }
}
