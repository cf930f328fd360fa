import Foundation
import Testing
@testable import LessonEngine
@testable import Lessons

/// The course: lessons in the order a learner takes them, found by name or by file.
@Suite struct CourseTests {
  static func lesson(_ name: String, follows: [String] = []) -> Lesson {
    Lesson(
      name: name, titleKey: name, module: name, files: ["en": "lessons/\(name).md", "vi": "lessons/vi/\(name).md"],
      stepsFolder: "Sources/\(name)/Steps", catalog: StepCatalog([]), strings: StringTable([.en: [:]]), follows: follows)
  }

  @Test func aLessonComesAfterTheLessonsItFollows() {
    let course = Course([Self.lesson("bidirectional", follows: ["deep"]), Self.lesson("gru"), Self.lesson("deep", follows: ["gru"])])
    #expect(course.lessons.map(\.name) == ["gru", "deep", "bidirectional"])
    // An unknown predecessor does not hide a lesson.
    #expect(Course([Self.lesson("a", follows: ["nowhere"])]).lessons.map(\.name) == ["a"])
  }

  @Test func aFileBelongsToTheLessonOfItsName() {
    let course = Course([Self.lesson("gru"), Self.lesson("deep")])
    #expect(course.lesson(forFile: "/tmp/copy/vi/deep.md").name == "deep")
    #expect(course.lesson(named: "gru")?.name == "gru")
    #expect(course.lesson(named: "lstm") == nil)
  }

  @Test func theRegisteredCourseIsDeepRNNBidirectionalThenTranslation() {
    #expect(Lessons.course.lessons.map(\.name) == ["deep-rnn", "bi-rnn", "machine-translation", "encoder-decoder", "seq2seq"])
    #expect(Lessons.course.lessons[1].follows == ["deep-rnn"])
    #expect(Lessons.course.lessons[2].follows == ["bi-rnn"])
    #expect(Lessons.course.lesson(named: "deep-rnn")?.indispensableData.map(\.name) == ["timemachine.txt"])
  }
}
