import D2L
import Foundation
import LessonTestSupport
import Testing
@testable import LSTMLesson
@testable import LessonEngine

/// The lesson files and their steps (`LessonFileChecks`): both languages parse against the
/// catalogue with the same steps, parameters and shown code, the Vietnamese prose has no
/// English words, and every step runs at tiny sizes in both languages.
@Suite(.serialized) struct LSTMLessonTests {
  static let checks = LessonFileChecks(LSTMLesson.lesson)

  @Test func bothLanguagesHaveTheSameStepsAndDefaults() throws {
    try Self.checks.expectBothLanguagesHaveTheSameStepsAndDefaults()
  }

  @Test func everyStringExistsInBothLanguages() {
    #expect(Set(LSTMStrings.en.keys) == Set(LSTMStrings.vi.keys))
  }

  @Test func theVietnameseProseHasNoEnglishWords() throws {
    try Self.checks.expectNoEnglishWordsInTheVietnameseProse()
  }

  /// The concise LSTM computes the section's equations.
  @Test(.enabled(if: LessonFileChecks.hasTimeMachine, "needs timemachine.txt in D2L_DATA_DIR"), arguments: ["en", "vi"])
  func everyStepRunsAtTinySizes(language: String) throws {
    let results = try Self.checks.runEveryStepAtTinySizes(language: language)
    #expect(try #require(results.outputIfRun(of: LSTMConciseAgreesStep.self)) < 1e-5)
  }
}
