import CourseKit
import LessonEngine
import D2L
import Foundation

/// Exercise 2: replace the LSTM by a GRU (and the vanilla RNN) and compare perplexity and
/// training speed. Every cell trains on the same Time Machine text, with the same sizes,
/// epochs and seed, and is measured on the same held-out passage: the end of the book.
public struct CellComparison: Experiment {
  public static let exercise = 2
  public static var title: String { tr("cells.title") }
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
    log.line(tr("cells.intro", [
      "cells": cells.map(\.displayName).joined(separator: ", "), "tokens": Num.int(tokens.count),
      "heldOut": Num.int(passage.tokens.count),
    ]))
    log.line("  " + tr("cells.budget", ["summary": budget.summary]))
    let trainer = SettingTrainer(budget: budget, log: log, shouldStop: shouldStop)
    var settings: [SettingResult] = [], parameters: [String: Int] = [:], samples: [ExperimentReport.Sample] = []
    for cell in cells {
      let settingStart = Date()
      var (model, result) = try trainer.train(name: cell.displayName, cell: cell, books: plan.files, tokens: tokens)
      result.heldOut[book.title] = HeldOutEvaluation.perplexity(HeldOutEvaluation.scores(of: model, on: [passage]))
      result.wallSeconds = Date().timeIntervalSince(settingStart)
      log.summary("  " + tr("cells.result", [
        "name": cell.displayName, "train": Num.fixed(result.trainPerplexity, 3), "heldOut": Num.fixed(result.heldOut[book.title]!, 3),
        "speed": Num.int(Int(result.tokensPerSecond.rounded())), "seconds": Num.fixed(result.wallSeconds, 1),
      ]))
      settings.append(result)
      parameters[result.name] = model.parameterCount
      samples.append(.init(prefix: prefix, setting: cell.displayName, text: model.predict(prefix: prefix, count: 60, vocab: Book.vocab)))
    }
    let rows = settings.map { s in
      [s.name, ExperimentSupport.count(parameters[s.name]!), ExperimentBudget.number(s.learningRate), "\(s.history.count)", ExperimentSupport.fixed(s.trainPerplexity, 3),
       ExperimentSupport.fixed(s.heldOut[book.title]!, 3), Num.int(Int(s.tokensPerSecond.rounded())),
       Num.fixed(s.wallSeconds, 1)]
    }
    var report = ExperimentReport(
      exercise: Self.exercise, title: Self.title, budget: budget, settings: settings, heldOut: [HeldOutRecord(split)],
      table: ResultTable(columns: tr("cells.columns").components(separatedBy: "|"), rows: rows))
    report.charts = [ExperimentSupport.curves(settings, title: tr("experiment.curvesTitle"))]
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
    var notes = [tr("cells.note.best", [
      "best": best.name, "perplexity": Num.fixed(best.heldOut[heldOutKey]!, 3), "fastest": fastest.name,
      "speed": Num.int(Int(fastest.tokensPerSecond.rounded())),
    ])]
    if let gru = settings.first(where: { $0.cell == .gru }), let lstm = settings.first(where: { $0.cell == .lstm }),
      let gi = parameters[gru.name], let li = parameters[lstm.name] {
      var text = tr("cells.note.gruLstm", [
        "gru": Num.fixed(gru.heldOut[heldOutKey]!, 3), "lstm": Num.fixed(lstm.heldOut[heldOutKey]!, 3),
        "ratio": Num.fixed(gru.tokensPerSecond / lstm.tokensPerSecond, 2),
        "gruParameters": ExperimentSupport.count(gi), "lstmParameters": ExperimentSupport.count(li),
      ])
      // Per epoch, at the middle of the run: which cell learns faster from the same minibatches.
      let mid = min(gru.history.count, lstm.history.count) / 2
      if mid >= 1 {
        let g = gru.history[mid - 1].perplexity, l = lstm.history[mid - 1].perplexity
        text += " " + tr("cells.note.perEpoch", [
          "faster": g < l ? "GRU" : "LSTM", "epoch": mid, "gru": Num.fixed(g, 2), "lstm": Num.fixed(l, 2),
        ])
      }
      notes.append(text)
    }
    let gaps = settings.map { "\($0.name) \(ExperimentSupport.fixed($0.heldOut[heldOutKey]! - $0.trainPerplexity))" }
    notes.append(tr("cells.note.gap", ["gaps": gaps.joined(separator: ", ")]))
    if let rnn = settings.first(where: { $0.cell == .rnn }), rnn.learningRate != budget.learningRate {
      notes.append(tr("cells.note.rnnRate", ["rnn": Num.compact(rnn.learningRate), "others": Num.compact(budget.learningRate)]))
    }
    return notes
  }
}
