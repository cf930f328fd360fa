import Testing
@testable import D2L
@testable import MachineTranslationLesson

/// The lesson's own pieces: the histogram's bars and the coverage of a vocabulary. (Its strings
/// are checked with every lesson's by LessonsTests' LocalizationTests.)
@Suite struct MachineTranslationLessonTests {
  @Test func theHistogramBinsLengthsAndKeepsTheLongestTogether() {
    let chart = LengthHistogram(series: [("a", [1: 2, 2: 3, 4: 1, 9: 5]), ("b", [3: 4])], bin: 2, lastBar: 5)
    let rows = chart.binned()
    #expect(rows.map(\.label) == ["1-2", "3-4", "5+"])
    #expect(rows.map(\.counts) == [[5, 0], [1, 4], [5, 0]])
    let lines = chart.lines(width: 60, axis: "tokens")
    #expect(lines.count == 1 + 2 * rows.count)  // the legend, then one bar per series and row
    #expect(lines[1].contains("█") && lines[4].contains("▒") && !lines[2].contains("▒"))  // no bar for a count of 0
  }

  @Test func coverageCountsTheTokensOnUnknown() {
    let lines = [["go", "."], ["go", "home", "."], ["run", "."]]
    let vocab = Vocab(lines: lines, minFreq: 2, reservedTokens: translationReservedTokens)
    let coverage = VocabCoverage(vocab, lines)
    #expect(coverage.distinct == 4)
    #expect(abs(coverage.unknownShare - 2.0 / 7) < 1e-12)  // "home" and "run" are seen once
  }
}
