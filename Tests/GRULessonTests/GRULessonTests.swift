import D2L
import Foundation
import LessonTestSupport
import Testing
@testable import GRULesson
@testable import LessonEngine

/// The lesson files and their steps (`LessonFileChecks`): both languages parse against the
/// catalogue with the same steps, parameters and shown code, the Vietnamese prose has no
/// English words, and every step runs at tiny sizes in both languages.
@Suite(.serialized) struct GRULessonTests {
  static let checks = LessonFileChecks(GRULesson.lesson)

  @Test func bothLanguagesHaveTheSameStepsAndDefaults() throws {
    try Self.checks.expectBothLanguagesHaveTheSameStepsAndDefaults()
  }

  @Test func everyStringExistsInBothLanguages() {
    #expect(Set(GRUStrings.en.keys) == Set(GRUStrings.vi.keys))
  }

  @Test func theVietnameseProseHasNoEnglishWords() throws {
    try Self.checks.expectNoEnglishWordsInTheVietnameseProse()
  }

  /// The concise GRU is the scratch one with the reset gate moved onto the product, and not
  /// the section's own cell.
  @Test(.enabled(if: LessonFileChecks.hasTimeMachine, "needs timemachine.txt in D2L_DATA_DIR"), arguments: ["en", "vi"])
  func everyStepRunsAtTinySizes(language: String) throws {
    let results = try Self.checks.runEveryStepAtTinySizes(language: language)
    let agrees = try #require(results.outputIfRun(of: GRUConciseAgreesStep.self))
    #expect(agrees.resetOnProduct < 1e-5)
    #expect(agrees.book > 10 * agrees.resetOnProduct)
  }
}
