import Foundation
import Testing
@testable import LessonEngine
@testable import Lessons

/// A walk whose steps come from the cache says so in each step's header and in a closing line:
/// those too fit 80 columns, for every lesson of the course, in English and in Vietnamese
/// (whose notes are longer). The first walk fills the cache; the second is read.
@Suite(.serialized) struct CachedTranscriptWidthTests {
  static let cases: [(String, String)] = course.lessons.flatMap { lesson in ["en", "vi"].map { (lesson.name, $0) } }

  @Test(.enabled(if: LessonsBinary.dataDirectory != nil, "needs timemachine.txt"), arguments: cases)
  func aCachedWalkFitsEightyColumns(lesson name: String, language: String) throws {
    let lesson = try #require(course.lesson(named: name))
    let quick = lesson.quickValues.flatMap { ["--set", $0] }
    let environment = ["LESSONS_CACHE_DIR": LessonsBinary.freshHome(), "COLUMNS": "80", "NO_COLOR": "1"]
    let first = try LessonsBinary.run(["run", name, "--lang", language] + quick, environment: environment)
    #expect(first.status == 0, "\(first.stderr)")
    let cached = try LessonsBinary.run(["run", name, "--lang", language] + quick, environment: environment)
    #expect(cached.status == 0, "\(cached.stderr)")
    // The cache served the lesson's cached steps (their headers say so: every lesson has
    // steps whose output no later step reads), and the closing line counts them.
    // The templates' first words, read without touching Language.current, which the lessons'
    // own suites (in this process) are using.
    func start(_ key: String, _ count: Int) throws -> String {
      String(try #require(EngineStrings.table.template(key, language: Language(rawValue: language))).prefix(count))
    }
    let marker = try start("step.cachedShort", 6), ignored = try start("cache.ignored", 12)
    #expect(cached.stdout.contains(marker), "no cached step in the \(language) walk of \(name)")
    // Every kept output read back (a trained model the codec could not read would run again).
    #expect(!cached.stdout.contains(ignored), "\(cached.stdout)")
    for (number, line) in cached.stdout.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      #expect(LineFitter.columns(line) <= 80, "\(name) \(language) line \(number + 1) is \(LineFitter.columns(line)) columns: \(line)")
    }
  }
}
