import Foundation

/// Where a learner stands in the course, from the walks' run records (`RunRecord`, one per
/// lesson and language in the results folder), and which lesson a D2L section belongs to.
extension Course {
  /// The lesson `lessons run` goes on with when none is named, as rustlings does: the first
  /// lesson, in course order, whose walk has not reached every step (in any language); nil
  /// for a learner who has walked none.
  /// - Returns: the lesson, and whether the learner had started it (false: not yet begun).
  public func nextLesson(records folder: URL = RunRecord.folder()) -> (lesson: Lesson, started: Bool)? {
    var walkedAny = false
    for lesson in lessons {
      let walked = Set(lesson.files.keys.flatMap { language in
        ((try? RunRecord.load(from: RunRecord.url(lesson: lesson.name, language: language, folder: folder))) ?? nil)?.steps.map(\.id) ?? []
      })
      walkedAny = walkedAny || !walked.isEmpty
      guard let ids = stepIDs(of: lesson) else { continue }
      if !Set(ids).isSubset(of: walked) { return walkedAny ? (lesson, !walked.isEmpty) : nil }
    }
    return nil
  }

  /// The registered lesson that teaches the D2L section in `path`: a file without step
  /// directives (the book's own; a lesson's file has them) whose first `:label:` is the first
  /// label of a lesson's English file (`sec_gru`). A section without code counts as well: D2L's
  /// beam search has no notebook cell.
  public func lesson(teachingSection path: String) -> Lesson? {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8), let label = Self.firstLabel(text) else { return nil }
    if let document = try? LessonParser.load(path: path), !document.steps.isEmpty { return nil }
    return lessons.first { lesson in
      guard let file = try? LessonLocator.locate(lesson.name, language: "en", course: self),
        let own = try? String(contentsOfFile: file, encoding: .utf8)
      else { return false }
      return Self.firstLabel(own) == label
    }
  }

  /// The step ids of `lesson`'s English file, in order.
  private func stepIDs(of lesson: Lesson) -> [String]? {
    guard let path = try? LessonLocator.locate(lesson.name, language: "en", course: self),
      let document = try? LessonParser.load(path: path)
    else { return nil }
    return document.steps.map(\.id)
  }

  /// The first `:label:`name`` of a file, or nil.
  static func firstLabel(_ text: String) -> String? {
    guard let start = text.range(of: ":label:`") else { return nil }
    let rest = text[start.upperBound...]
    guard let end = rest.firstIndex(of: "`") else { return nil }
    return String(rest[..<end])
  }
}
