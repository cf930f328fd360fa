import ArgumentParser
import D2L
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@testable import CourseKit
@testable import DeepRNNLesson
@testable import LessonEngine
@testable import Lessons

/// Where the books are for these tests: `$D2L_DATA_DIR`, else `../shared/data` beside the
/// package root; nil (data tests skipped) when neither holds all the books.
enum ExperimentData {
  static let directory: String? = {
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let candidates: [String?] = [DataLocator.environmentDataDirectory,
                      packageRoot.appendingPathComponent("../shared/data").standardizedFileURL.path]
    let files = (BookCatalog.wells + BookCatalog.others).map(\.file)
    return candidates.compactMap { $0 }.first { dir in
      files.allSatisfy { FileManager.default.fileExists(atPath: dir + "/" + $0) }
    }
  }()

  static var available: Bool { directory != nil }

  /// A locator over the real data that can neither download nor see a stray `data/` cache.
  static func locator() -> DataLocator {
    DataLocator(dataDirectory: directory, cacheDirectory: "/nonexistent-d2l-cache", allowDownload: false)
  }

  /// Sizes that train in a blink: the plumbing is under test, not the perplexities.
  static func tinyBudget(trainTokens: Int) -> ExperimentBudget {
    var b = ExperimentBudget()
    b.numLayers = 1
    b.hiddenSize = 8
    b.epochs = 2
    b.batchSize = 4
    b.numSteps = 10
    b.trainTokens = trainTokens
    b.heldOutTokens = 300
    return b
  }

  static func withTemporaryDirectory<T>(_ body: (URL) throws -> T) rethrows -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("d2l-experiment-tests-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
  }
}

private let needsData: Comment =
  "needs the books of ../shared/data: set D2L_DATA_DIR or provide ../shared/data beside the package"

// MARK: - The held-out split

@Suite struct HeldOutSplitTests {
  private func book(_ count: Int, _ file: String = "b.txt") -> Book {
    Book(file: file, title: file, author: "A", tokens: (0..<count).map { $0 % 28 })
  }

  @Test func heldOutIsTheEndOfTheBookAndTogetherTheyAreTheWholeBook() {
    let split = book(1000).split(heldOutTokens: 100)
    #expect(split.trainRange == 0..<900)
    #expect(split.heldOutRange == 900..<1000)
    #expect(split.trainRange.upperBound == split.heldOutRange.lowerBound)
    #expect(Array(split.book.tokens[split.trainRange]) + Array(split.heldOut) == split.book.tokens)
  }

  @Test func trainingNeverReachesIntoTheHeldOutRange() {
    let split = book(1000).split(heldOutTokens: 100)
    for count in [0, 1, 500, 900, 901, 5000] {
      let part = split.training(first: count)
      #expect(part.indices.clamped(to: split.heldOutRange).isEmpty, "first \(count)")
      #expect(part.startIndex == 0)
    }
    #expect(split.training(first: 0).indices == split.trainRange)
    #expect(split.training(first: 250).indices == 0..<250)
  }

  @Test func atMostHalfOfABookIsHeldOut() {
    let split = book(100).split(heldOutTokens: 1000)
    #expect(split.heldOutRange == 50..<100)
    #expect(book(100).split(heldOutTokens: 0).heldOutRange.isEmpty)
  }

  /// Every setting of exercises 3 and 4 trains only on training ranges, of its own books and
  /// of all the others, and each experiment measures all settings on one list of passages.
  @Test func noSettingOfAnyExperimentTrainsOnHeldOutText() {
    let wells = (0..<4).map { book(3000 + 500 * $0, "w\($0)").split(heldOutTokens: 400) }
    let others = (0..<5).map { book(2000 + 300 * $0, "o\($0)").split(heldOutTokens: 400) }
    var budget = ExperimentBudget()
    for tokens in [0, 1000, 100_000] {
      budget.trainTokens = tokens
      let plans = BookScaling.plans(wells, budget: budget) + AuthorMixing.plans(wells: wells, others: others, budget: budget)
        + [CellComparison.plan(wells[0], budget: budget)]
      for plan in plans {
        for (part, book) in zip(plan.parts, plan.books) {
          let split = (wells + others).first { $0.book.file == book.file }!
          #expect(part.indices.clamped(to: split.heldOutRange).isEmpty, "\(plan.name), \(book.file), trainTokens \(tokens)")
          #expect(split.trainRange.contains(part.startIndex) || part.isEmpty)
        }
      }
    }
  }

  @Test func bookSettingsGrowAndMixingSettingsShareOneBudget() {
    let wells = (0..<4).map { book(10_000, "w\($0)").split(heldOutTokens: 500) }
    let others = (0..<5).map { book(10_000, "o\($0)").split(heldOutTokens: 500) }
    var budget = ExperimentBudget()
    budget.trainTokens = 1800
    let growing = BookScaling.plans(wells, budget: budget)
    #expect(growing.map { $0.tokens.count } == [1800, 3600, 5400, 7200])
    #expect(growing.map(\.books.count) == [1, 2, 3, 4])
    let mixing = AuthorMixing.plans(wells: wells, others: others, budget: budget)
    #expect(mixing.map { $0.tokens.count } == [1800, 1800])
    #expect(mixing.map(\.books.count) == [4, 9])
  }
}

// MARK: - The experiments end to end

@Suite(.serialized) struct ExperimentRunTests {
  /// Runs an experiment with tiny sizes, saves it, and checks the report and the files.
  private func runAndSave(_ experiment: any Experiment, settings: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    var lines: [String] = []
    let log = ExperimentLog(interactive: false, epochLines: true) { lines.append($0) }
    let report = try experiment.run(log: log, shouldStop: { false })
    #expect(report.settings.map(\.name) == settings, sourceLocation: sourceLocation)
    #expect(report.table.rows.count == settings.count, "a row per setting", sourceLocation: sourceLocation)
    #expect(report.table.rows.map(\.first) == settings, sourceLocation: sourceLocation)
    // Progress: an epoch line for every epoch of every setting.
    #expect(lines.filter { $0.contains(" epoch ") }.count == settings.count * experiment.budget.epochs, sourceLocation: sourceLocation)
    // Every setting was measured on the same held-out passages.
    let groups = Set(report.settings.map { Set($0.heldOut.keys) })
    #expect(groups.count == 1, sourceLocation: sourceLocation)
    for s in report.settings {
      #expect(s.trainPerplexity.isFinite && s.trainPerplexity > 1, sourceLocation: sourceLocation)
      #expect(s.heldOut.values.allSatisfy { $0.isFinite && $0 > 1 }, sourceLocation: sourceLocation)
    }
    let text = ExperimentPresentation.lines(report, width: 100)
    #expect(text.contains { $0.contains("held-out") }, sourceLocation: sourceLocation)

    try ExperimentData.withTemporaryDirectory { dir in
      let paths = try ExperimentFiles.save(report, to: dir.path)
      let n = type(of: experiment).exercise
      #expect(paths.contains { $0.hasSuffix("exercise-\(n).json") }, sourceLocation: sourceLocation)
      #expect(paths.contains { $0.hasSuffix("exercise-\(n).csv") }, sourceLocation: sourceLocation)
      #expect(paths.contains { $0.hasSuffix("exercise-\(n)-curves.svg") }, sourceLocation: sourceLocation)
      let decoded = try JSONDecoder().decode(ExperimentReport.self, from: Data(contentsOf: dir.appendingPathComponent("exercise-\(n).json")))
      #expect(decoded.settings.map(\.name) == settings, sourceLocation: sourceLocation)
      #expect(decoded.heldOut == report.heldOut, sourceLocation: sourceLocation)
      let csv = try String(contentsOf: dir.appendingPathComponent("exercise-\(n).csv"), encoding: .utf8)
      #expect(csv.split(separator: "\n").count == settings.count + 1, sourceLocation: sourceLocation)
      for path in paths where path.hasSuffix(".svg") {
        let summary = try SVGSummary(url: URL(fileURLWithPath: path))
        #expect(summary.root == "svg", sourceLocation: sourceLocation)
        #expect(summary.polylines >= 1, sourceLocation: sourceLocation)
      }
      // No temporary files left behind by the atomic writes.
      let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
      #expect(left.isEmpty, sourceLocation: sourceLocation)
    }
  }

  @Test(.enabled(if: ExperimentData.available, needsData))
  func cellComparisonTrainsEachCellAndWritesItsFiles() throws {
    let experiment = CellComparison(budget: ExperimentData.tinyBudget(trainTokens: 1500), locator: ExperimentData.locator())
    try runAndSave(experiment, settings: ["RNN", "GRU", "LSTM"])
  }

  @Test(.enabled(if: ExperimentData.available, needsData))
  func bookScalingGrowsTheDataAndWritesItsFiles() throws {
    let experiment = BookScaling(budget: ExperimentData.tinyBudget(trainTokens: 600), locator: ExperimentData.locator())
    try runAndSave(experiment, settings: ["TM", "TM+IM", "TM+IM+DM", "TM+IM+DM+WW"])
  }

  @Test(.enabled(if: ExperimentData.available, needsData))
  func authorMixingComparesTheSettingsAndDiscussesThem() throws {
    let experiment = AuthorMixing(budget: ExperimentData.tinyBudget(trainTokens: 1800), locator: ExperimentData.locator())
    try runAndSave(experiment, settings: [AuthorMixing.wellsOnly, AuthorMixing.mixed])
  }

  @Test(.enabled(if: ExperimentData.available, needsData))
  func heldOutPassagesAreTheEndsOfTheRealBooks() throws {
    let books = try BookCatalog.load(BookCatalog.wells + BookCatalog.others, locator: ExperimentData.locator())
    for book in books {
      let split = book.split(heldOutTokens: 5000)
      #expect(split.heldOutRange == (book.tokens.count - 5000)..<book.tokens.count, "\(book.file)")
      // The shared vocabulary covers every book: no token is <unk>.
      #expect(!book.tokens.contains(Vocab.unknownIndex), "\(book.file)")
    }
  }

  /// The step finds its books as the lesson does, through `$D2L_DATA_DIR` itself.
  @Test(.enabled(if: DataLocator.environmentDataDirectory != nil && ExperimentData.available, "needs D2L_DATA_DIR set to the books' folder"))
  func theLessonStepRunsQuietly() throws {
    let output = StepOutput(color: false, width: 80)
    output.quiet = true
    let values = StepValues(["expLayers": "1", "expHidden": "8", "expEpochs": "1", "expTokens": "1500", "expHeldOut": "300"])
    let report = try ExperimentCellsStep.run(ExperimentCellsStep.input(values, StepResults()), output)
    #expect(report.settings.count == 3)
  }

  @Test func aMissingBookNamesTheFileAndTheFetchCommand() throws {
    try ExperimentData.withTemporaryDirectory { dir in
      let locator = DataLocator(dataDirectory: dir.path, cacheDirectory: dir.path, allowDownload: false)
      let experiment = BookScaling(budget: ExperimentData.tinyBudget(trainTokens: 600), locator: locator)
      do {
        _ = try experiment.run(log: .silent, shouldStop: { false })
        Issue.record("expected a missing-data error")
      } catch let error as ExperimentError {
        #expect("\(error)".contains("timemachine.txt"))
        #expect("\(error)".contains("lessons data fetch timemachine.txt"))
        #expect(!"\(error)".contains("shared/data"), "a learner has no such folder")
      }
    }
  }

  @Test(.enabled(if: ExperimentData.available, needsData))
  func stoppingInterruptsTheExperiment() throws {
    let experiment = CellComparison(budget: ExperimentData.tinyBudget(trainTokens: 1500), locator: ExperimentData.locator())
    #expect(throws: ExperimentInterrupted.self) { try experiment.run(log: .silent, shouldStop: { true }) }
  }
}

// MARK: - The command line

@Suite struct ExperimentCommandTests {
  @Test(arguments: [["1"], ["5"], ["two"], [], ["2", "--cell", "gru"], ["3", "--epochs", "0"], ["4", "--hidden", "0"],
                    ["3", "--train-tokens", "-1"], ["2", "--same-updates"], ["4", "--same-updates"], ["2", "--held-out", "1"], ["2", "--lr", "-1"], ["2", "--seconds", "0"]])
  func badArgumentsAreRejected(_ arguments: [String]) {
    #expect(throws: (any Error).self) { _ = try ExperimentCommand.parse(arguments) }
  }

  @Test func unsetOptionsTakeTheExperimentsDefaultsAndSetOnesOverrideThem() throws {
    let command = try ExperimentCommand.parse(["3", "--epochs", "7", "--cell", "gru", "--seconds", "30"])
    var expected = BookScaling.defaultBudget
    expected.epochs = 7
    expected.cell = .gru
    expected.secondsPerSetting = 30
    #expect(try command.budget(command.chosen()) == expected)
    let two = try ExperimentCommand.parse(["deep-rnn:2"])
    #expect(try two.budget(two.chosen()) == CellComparison.defaultBudget)
    // Results go to the workspace (in the checkout its ignored .lessons/), never the tracked tree.
    #expect(try ExperimentCommand.parse(["4"]).out.hasSuffix(".lessons/results"))
  }
}

// MARK: - What the experiments conclude

@Suite struct ExperimentConclusionTests {
  @Test func sameUpdatesGivesMoreBooksFewerEpochs() {
    var budget = ExperimentBudget()
    budget.epochs = 12
    #expect([40, 80, 120, 160].map { BookScaling.epochs(for: $0, firstSetting: 40, budget: budget) } == [12, 12, 12, 12])
    budget.sameUpdates = true
    #expect([40, 80, 120, 160].map { BookScaling.epochs(for: $0, firstSetting: 40, budget: budget) } == [12, 6, 4, 3])
    #expect(BookScaling.epochs(for: 1000, firstSetting: 1, budget: budget) == 1)
  }

  private func setting(_ name: String, train: Double, wells: Double, others: Double, books: Int) -> SettingResult {
    SettingResult(
      name: name, cell: .lstm, learningRate: 2, books: (0..<books).map { "b\($0)" }, trainingTokens: 1000, history: [],
      trainPerplexity: train, heldOut: [AuthorMixing.wellsKey: wells, AuthorMixing.othersKey: others],
      tokensPerSecond: 1, trainSeconds: 1, wallSeconds: 1, stoppedByTimeLimit: false)
  }

  private func scores(_ values: [Double]) -> [HeldOutEvaluation.Score] {
    values.enumerated().map { k, ppl in
      let passage = HeldOutPassage(Book(file: "f\(k)", title: k == 4 ? "Tiny Shakespeare" : "T\(k)",
                                        author: k == 4 ? "Shakespeare" : "A\(k)", tokens: Array(0..<20)).split(heldOutTokens: 10))
      return HeldOutEvaluation.Score(passage: passage, negativeLogLikelihood: log(ppl) * 9, predictions: 9)
    }
  }

  /// The discussion's verdicts follow the numbers: each direction gives its own sentence.
  @Test func theDiscussionReadsItsVerdictsOffTheNumbers() {
    let worse = AuthorMixingDiscussion(
      settings: [setting("alone", train: 5, wells: 6, others: 8, books: 2), setting("mix", train: 6, wells: 7, others: 7, books: 5)],
      scores: [scores([6, 6, 8, 8, 9]), scores([7, 7, 7, 7, 8])],
      samples: [.init(prefix: "the", setting: "alone", text: "the stranger and the stranger and"),
                .init(prefix: "the", setting: "mix", text: "the said the said the said x")]).notes
    #expect(worse.contains { $0.hasPrefix("What goes right") && $0.contains("-12.5%") })
    #expect(worse.contains { $0.contains("Wells got worse") && $0.contains("40%") })
    #expect(worse.contains { $0.contains("Shakespeare") && $0.contains("romeo") })
    #expect(worse.contains { $0.contains("\"stranger\" (alone)") && $0.contains("\"said\" (mix)") })
    let better = AuthorMixingDiscussion(
      settings: [setting("alone", train: 5, wells: 7, others: 8, books: 2), setting("mix", train: 6, wells: 6, others: 8, books: 5)],
      scores: [scores([7, 7, 8, 8, 9]), scores([6, 6, 8, 8, 9])]).notes
    #expect(better.contains { $0.contains("Wells even got better") })
    #expect(better.contains { $0.contains("did not help the other authors") })
  }

  /// Each bullet's heading says what its numbers say: no "What goes right" over a perplexity
  /// that got worse.
  @Test func theDiscussionsHeadingsMatchTheSignsOfItsNumbers() {
    let worse = AuthorMixingDiscussion(
      settings: [setting("alone", train: 5, wells: 6, others: 8, books: 2), setting("mix", train: 6, wells: 7, others: 7, books: 5)],
      scores: [scores([6, 6, 8, 8, 9]), scores([7, 7, 7, 7, 8])]).notes
    #expect(worse[0].hasPrefix("What goes right: on the other authors' held-out text, perplexity went from 8.000 to 7.000 (-12.5%)"))
    #expect(worse[1].hasPrefix("What goes wrong: the budget is fixed") && worse[1].contains("(+16.7%)"))
    let better = AuthorMixingDiscussion(
      settings: [setting("alone", train: 5, wells: 7, others: 8, books: 2), setting("mix", train: 6, wells: 6, others: 8, books: 5)],
      scores: [scores([7, 7, 8, 8, 9]), scores([6, 6, 8, 8, 9])]).notes
    #expect(better[0].hasPrefix("What hardly changes: ") && better[0].contains("(+0.0%)"))
    #expect(better[1].hasPrefix("What goes right: the budget is fixed") && better[1].contains("(-14.3%)"))
    // The others' text getting worse under the mix is headed as what goes wrong.
    let othersWorse = AuthorMixingDiscussion(
      settings: [setting("alone", train: 5, wells: 6, others: 8, books: 2), setting("mix", train: 6, wells: 6, others: 9, books: 5)],
      scores: [scores([6, 6, 8, 8, 8]), scores([6, 6, 9, 9, 9])]).notes
    #expect(othersWorse[0].hasPrefix("What goes wrong: on the other authors' held-out text") && othersWorse[0].contains("(+12.5%)"))
    #expect(!othersWorse.contains { $0.hasPrefix("What goes right") })
  }
}

// MARK: - Tables and charts

@Suite struct ExperimentOutputTests {
  @Test func tablesAlignNumbersRightAndQuoteCSV() {
    let table = ResultTable(columns: ["cell", "ppl"], rows: [["GRU", "5.1"], ["LSTM, big", "12.25"]])
    #expect(table.lines(indent: "") == ["cell         ppl", "─────────  ─────", "GRU          5.1", "LSTM, big  12.25"])
    #expect(table.csv == "cell,ppl\nGRU,5.1\n\"LSTM, big\",12.25\n")
  }

  @Test func samplesWrapByWordsAndCutRunsOfLetters() {
    #expect(ExperimentPresentation.wrap("the time travellertststststs", width: 12) == ["the time tra", "vellertststs", "tsts"])
    #expect(ExperimentPresentation.wrap("the man and the sand", width: 12) == ["the man and", "the sand"])
    #expect(ExperimentPresentation.wrap("", width: 12) == [""])
  }

  @Test func signedPercentagesAndCountsAreNumbers() {
    let table = ResultTable(columns: ["change", "n"], rows: [["+4.2%", "212k"], ["-16.6%", "1.03M"]])
    #expect(Array(table.lines(indent: "").dropFirst(2)) == [" +4.2%   212k", "-16.6%  1.03M"])
  }

  @Test func ticksAreRoundNumbersCoveringTheData() {
    let t = SVGLineChart.ticks([3.2, 17.9])
    #expect(t.lo <= 3.2 && t.hi >= 17.9)
    #expect(t.values == [0, 5, 10, 15, 20])
    #expect(SVGLineChart.ticks([4, 4]).values.count >= 2)
  }

  @Test func theSVGIsWellFormedWithAPolylineAndLegendEntryPerSeries() throws {
    let chart = SVGLineChart(
      title: "perplexity <&> \"quotes\"", xLabel: "epoch", yLabel: "ppl",
      series: [.init(name: "GRU", points: [(1, 9), (2, 6), (3, .nan)]), .init(name: "LSTM & co", points: [(1, 10), (2, 7)])])
    let summary = try SVGSummary(data: Data(chart.render().utf8))
    #expect(summary.root == "svg")
    #expect(summary.polylines == 2)
    #expect(summary.texts.contains("GRU"))
    #expect(summary.texts.contains("LSTM & co"))
    #expect(summary.texts.contains("perplexity <&> \"quotes\""))
  }
}

/// What an SVG file holds, read with a real XML parser (so malformed XML fails the test).
struct SVGSummary {
  var root = ""
  var polylines = 0
  var texts: [String] = []

  init(url: URL) throws { try self.init(data: Data(contentsOf: url)) }

  init(data: Data) throws {
    let parser = XMLParser(data: data)
    let delegate = Delegate()
    parser.delegate = delegate
    guard parser.parse() else {
      throw SVGError(reason: parser.parserError.map { "\($0)" } ?? "unknown XML error")
    }
    root = delegate.root ?? ""
    polylines = delegate.polylines
    texts = delegate.texts
  }

  struct SVGError: Error { let reason: String }

  private final class Delegate: NSObject, XMLParserDelegate {
    var root: String?
    var polylines = 0
    var texts: [String] = []
    private var text: String?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
      if root == nil { root = name }
      if name == "polyline" { polylines += 1 }
      if name == "text" { text = "" }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      if name == "text", let t = text { texts.append(t); text = nil }
    }
  }
}
