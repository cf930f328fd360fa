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

  /// D2L-vi's order of the chapter "Modern Recurrent Neural Networks".
  @Test func theRegisteredCourseIsTheChaptersOrder() {
    #expect(Lessons.course.lessons.map(\.name) == [
      "gru", "lstm", "deep-rnn", "bi-rnn", "machine-translation", "encoder-decoder", "seq2seq", "beam-search",
    ])
    #expect(Lessons.course.lesson(named: "bi-rnn")?.follows == ["deep-rnn"])
    #expect(Lessons.course.lesson(named: "machine-translation")?.follows == ["bi-rnn"])
    #expect(Lessons.course.lesson(named: "deep-rnn")?.indispensableData.map(\.name) == ["timemachine.txt"])
  }

  /// `lessons run` with no lesson: the course's first for a new learner, else the first lesson
  /// not walked to its end, in course order.
  @Test func theNextLessonIsTheFirstNotWalkedToItsEnd() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("course-progress-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let course = Lessons.course
    #expect(course.nextLesson(records: folder) == nil, "a new learner has walked nothing")
    func walk(_ name: String, steps: [String], language: String = "en") throws {
      var record = RunRecord(lesson: name, language: language)
      for id in steps { record.record(.init(id: id, state: .ran, seconds: 0, parameters: [:], events: [])) }
      try record.save(to: RunRecord.url(lesson: name, language: language, folder: folder))
    }
    func ids(_ name: String) throws -> [String] {
      try LessonParser.load(path: try LessonLocator.locate(name, language: "en", course: course)).steps.map(\.id)
    }
    // The course's first two lessons, whichever they are.
    let (first, second) = (course.lessons[0].name, course.lessons[1].name)
    let steps = try ids(first)
    try walk(first, steps: Array(steps.prefix(3)))
    #expect(course.nextLesson(records: folder).map { [$0.lesson.name, "\($0.started)"] } == [first, "true"])
    try walk(first, steps: steps, language: "vi")  // finished in Vietnamese
    #expect(course.nextLesson(records: folder).map { [$0.lesson.name, "\($0.started)"] } == [second, "false"])
  }

  /// D2L's own file of a section the course teaches is matched by its first `:label:`; a file
  /// of the book the course does not teach, or the course's own lesson file, is not.
  @Test func aBookSectionNamesTheCoursesLesson() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("book-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    func file(_ name: String, _ text: String) throws -> String {
      let url = folder.appendingPathComponent(name)
      try text.write(to: url, atomically: true, encoding: .utf8)
      return url.path
    }
    let cell = "```{.python .input}\n#@tab pytorch\nimport torch\n```\n"
    let lstm = try file("lstm.md", "# Long Short-Term Memory (LSTM)\n:label:`sec_lstm`\n\nText.\n\n" + cell)
    // D2L's beam-search section has no code at all.
    let beam = try file("beam-search.md", "# Beam Search\n:label:`sec_beam-search`\n\nText only.\n")
    let attention = try file("attention-cues.md", "# Attention Cues\n:label:`sec_attention-cues`\n\n" + cell)
    let own = try file("copy.md", "# Long Short-Term Memory (LSTM)\n:label:`sec_lstm`\n\nA lesson of the course's own format.\n\n```step lstm-gates\n```\n")
    #expect(Lessons.course.lesson(teachingSection: lstm)?.name == "lstm")
    #expect(Lessons.course.lesson(teachingSection: beam)?.name == "beam-search")
    #expect(Lessons.course.lesson(teachingSection: attention) == nil)  // a chapter the course has not reached
    #expect(Lessons.course.lesson(teachingSection: own) == nil)
  }

  /// A copy of a lesson's file under another name belongs to the lesson whose steps it names
  /// (so their code is found in that lesson's folder), under the copy's own name (so its run
  /// record and cache are not the lesson's).
  @Test func aRenamedCopyOfALessonFileRunsAsThatLesson() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("copy-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("b1.md")
    try "# Mine\n\n```step ed-generate\n```\n".write(to: copy, atomically: true, encoding: .utf8)
    let lesson = Lessons.course.lesson(forFile: copy.path)
    #expect(lesson.name == "b1")
    #expect(lesson.stepsFolder == "Sources/EncoderDecoderLesson/Steps")
    #expect(lesson.files.isEmpty)
  }
}
