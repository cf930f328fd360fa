import Foundation
import Testing
@testable import CourseKit
@testable import DeepRNNLesson
@testable import LessonEngine
@testable import Lessons

/// What a learner reads, end to end: every line of both transcripts fits 80 columns, the
/// Vietnamese transcript has no English outside code, book titles and identifiers, and the
/// exercise commands speak Vietnamese with `--lang vi` or a Vietnamese locale.
@Suite(.serialized) struct TranscriptLanguageTests {
  static let hasData = LessonsBinary.dataDirectory != nil

  /// The whole walk-through off a terminal, with the walk-through tests' small settings.
  static func transcript(_ language: String) throws -> String {
    let result = try LessonsBinary.run(
      ["run", "deep-rnn", "--lang", language] + WalkthroughTests.quick, environment: ["COLUMNS": "80", "NO_COLOR": "1"])
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout
  }

  @Test func displayWidthCountsWideCharactersAndCombiningMarks() {
    #expect(LineFitter.columns("tiếng Việt") == 10)
    #expect(LineFitter.columns("tie\u{0302}\u{0301}ng") == 5)  // ế as e + two combining marks
    #expect(LineFitter.columns("漢字") == 4)
    #expect(LineFitter.columns("𝐇ₜ⁽ˡ⁾") == 5)
    #expect(LineFitter.columns("\u{1B}[1mbold\u{1B}[0m") == 4)
    #expect(LineFitter.fit("  one two three four", width: 12) == ["  one two", "    three", "    four"])
    #expect(LineFitter.truncate("một hai ba bốn", width: 8) == "một hai…")
  }

  @Test(.enabled(if: hasData, "needs timemachine.txt"), arguments: ["en", "vi"])
  func everyLineFitsEightyColumns(language: String) throws {
    let text = try Self.transcript(language)
    #expect(text.split(separator: "\n").count > 300)
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      #expect(LineFitter.columns(line) <= 80, "\(language) line \(number + 1) is \(LineFitter.columns(line)) columns: \(line)")
    }
  }

  /// English words a Vietnamese reader should not meet in the tool's own text. Loanwords that
  /// the glossary keeps (epoch, token, minibatch, batch, one-hot) are not in the list.
  static let englishWords: Set<String> = [
    // Not "in", "so", "to" or "no": Vietnamese words too (print, compare, big, full).
    "the", "and", "of", "is", "are", "was", "with", "for", "on", "from", "by", "at", "as", "its", "it",
    "each", "every", "all", "one", "two", "per", "than", "not", "but", "more", "less", "same", "what",
    "layer", "layers", "step", "steps", "hidden", "training", "train", "perplexity", "held", "out", "book", "books",
    "novel", "novels", "setting", "settings", "model", "text", "vocabulary", "vocab", "inputs", "output", "states",
    "final", "parameters", "rows", "gates", "largest", "difference", "values", "memory", "peak", "resident",
    "after", "over", "median", "wall", "time", "seconds", "epochs", "tokens", "exercise", "exercises", "experiment",
    "run", "edit", "then", "compares", "greedy", "samples", "prefixes", "lowest", "fastest", "others", "alone",
    "goes", "right", "wrong", "budget", "clip", "seed", "sequential", "random", "minibatches", "cell", "cells",
    "change", "author", "authors", "share", "tiny", "full", "minutes", "skipped", "output:", "reads", "top",
]

  /// The transcript's words that a reader must read as prose: code blocks, `code`, "quoted
  /// text" (generated samples, prefixes), book titles, paths and identifiers taken out.
  static func proseWords(_ transcript: String) -> [(line: String, word: String)] {
    // Book titles, and the English term the lesson gives once in parentheses after its
    // Vietnamese one, as the glossary says: "Độ rối (perplexity)".
    let titles = (BookCatalog.wells + BookCatalog.others).map(\.title) + ["Time Machine", "Wells", "(perplexity)"]
    // Blanked over the whole text, since a title or `code` may be broken across two lines;
    // blanking keeps the line breaks, so lines stay where they were.
    var text = transcript
    let patterns = titles.map { NSRegularExpression.escapedPattern(for: $0).replacingOccurrences(of: " ", with: #"\s+"#) }
      + [#"`[^`]*`"#, #""[^"\n]*""#]
    for pattern in patterns {
      let regex = try! NSRegularExpression(pattern: pattern)
      for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
        let range = Range(match.range, in: text)!
        text.replaceSubrange(range, with: String(text[range].map { $0 == "\n" ? "\n" : " " }))
      }
    }
    let original = transcript.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var result: [(String, String)] = []
    var inCode = false, inSamples = false
    for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).enumerated() {
      let raw = original[k]
      // A step's code runs from its header to its "output:" line.
      if raw.hasPrefix("── ") { inCode = true; continue }
      if inCode {
        if raw.hasPrefix("  ") && !raw.hasPrefix("    ") { inCode = false } else { continue }
      }
      if inSamples { if raw.isEmpty { inSamples = false }; continue }
      if raw.contains("Greedy samples") || raw.contains("Mẫu sinh tham lam") { inSamples = true }
      if raw.contains("predict(\"") { continue }
      for token in line.split(separator: " ") {
        // Paths and file names (exercises/Sources/…, timemachine.txt) are identifiers.
        if token.contains("/") || token.dropLast().contains(".") && token.contains(where: \.isLetter) { continue }
        for word in token.split(whereSeparator: { !$0.isLetter && $0 != "_" && $0 != "-" }) {
          let w = String(word)
          // Identifiers: snake_case, camelCase, names with digits.
          if w.contains("_") || w.contains(where: \.isNumber) || w.dropFirst().contains(where: \.isUppercase) { continue }
          result.append((raw, w.lowercased()))
        }
      }
    }
    return result
  }

  @Test(.enabled(if: hasData, "needs timemachine.txt"))
  func vietnameseTranscriptHasNoEnglishOutsideCodeTitlesAndIdentifiers() throws {
    let english = Self.proseWords(try Self.transcript("vi")).filter { Self.englishWords.contains($0.word) }
    let report = english.prefix(30).map { "  \($0.word): \($0.line)" }.joined(separator: "\n")
    #expect(english.isEmpty, "English in the Vietnamese transcript:\n\(report)")
  }

  /// The check above can fail: on the English transcript it finds English everywhere.
  @Test(.enabled(if: hasData, "needs timemachine.txt"))
  func theEnglishCheckFindsEnglish() throws {
    let english = Self.proseWords(try Self.transcript("en")).filter { Self.englishWords.contains($0.word) }
    #expect(english.count > 300)
  }

  @Test func hintAndExercisesSpeakVietnamese() throws {
    let hint = try LessonsBinary.run(["hint", "deep-rnn:1", "--lang", "vi"])
    #expect(hint.status == 0)
    #expect(hint.stdout.contains("Gợi ý cho bài tập deep-rnn:1: RNN hai tầng lập trình từ đầu"))
    #expect(hint.stdout.contains("Trong init: mỗi tầng một RNNScratch"))
    let list = try LessonsBinary.run(["exercises", "--lang", "vi"])
    #expect(list.status == 0)
    #expect(list.stdout.contains("Bài tập của Mạng Nơ-ron Hồi tiếp Sâu (deep-rnn):"))
    #expect(list.stdout.contains("GRU so với LSTM") && list.stdout.contains("thí nghiệm"))
    // No flag: a Vietnamese locale picks Vietnamese; --lang en overrides it.
    let byLocale = try LessonsBinary.run(["hint", "deep-rnn:2"], environment: ["LANG": "vi_VN.UTF-8", "LC_ALL": ""])
    #expect(byLocale.stdout.contains("Gợi ý cho bài tập deep-rnn:2"))
    let english = try LessonsBinary.run(["hint", "deep-rnn:2", "--lang", "en"], environment: ["LANG": "vi_VN.UTF-8"])
    #expect(english.stdout.contains("Hint for exercise deep-rnn:2"))
    let usage = try LessonsBinary.run(["check", "deep-rnn:2", "--lang", "vi"])
    #expect(usage.stderr.contains("bài tập deep-rnn:2 là một thí nghiệm đo đạc, không có gì để kiểm tra"))
    // An ambiguous bare number is refused in Vietnamese too, with the choices.
    let ambiguous = try LessonsBinary.run(["hint", "3", "--lang", "vi"])
    #expect(ambiguous.status == 64 && ambiguous.stderr.contains("có trong nhiều bài học: hãy nói rõ, \(CourseLessons.exercises(numbered: 3))"),
            "\(ambiguous.stderr)")
    let bad = try LessonsBinary.run(["hint", "1", "--lang", "fr"])
    #expect(bad.status != 0 && bad.stderr.contains("--lang must be en or vi"))
  }
}
