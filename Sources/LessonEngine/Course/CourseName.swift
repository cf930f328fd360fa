/// A name of something a lesson owns (an exercise, an experiment, a step) as a learner types it:
/// `LESSON:NAME` anywhere (`my-lesson:2`), or a bare `NAME`, which means the lesson in context
/// (the one being walked, or given with `--lesson`), else the only lesson that has it.
public struct CourseName: Equatable, CustomStringConvertible {
  /// The lesson named before the colon, if any.
  public let lesson: String?
  /// What follows it (`2`, `depth`, `scratch-stack`).
  public let name: String

  /// Splits `text` at its first colon.
  public init(_ text: String) {
    if let colon = text.firstIndex(of: ":") {
      lesson = String(text[..<colon])
      name = String(text[text.index(after: colon)...])
    } else {
      lesson = nil
      name = text
    }
  }

  public var description: String { lesson.map { "\($0):\(name)" } ?? name }
}

/// Why a name could not be resolved, worded by the engine's strings.
public enum CourseNameError: Error, Equatable, CustomStringConvertible {
  /// No lesson is called `lesson`.
  case noLesson(String, lessons: [String])
  /// No lesson has `name` (`kind`: what was looked for, e.g. "exercise"); `known` are the
  /// qualified names there are.
  case notFound(kind: String, name: String, known: [String])
  /// Several lessons have `name`, and none is in context.
  case ambiguous(kind: String, name: String, choices: [String])

  public var description: String {
    switch self {
    case .noLesson(let lesson, let lessons):
      return tr("name.noLesson", [
        "lesson": lesson, "suggestion": NameSuggestion.note(lesson, among: lessons), "lessons": lessons.joined(separator: ", "),
      ])
    case .notFound(let kind, let name, let known):
      return tr("name.notFound", [
        "kind": tr("name.kind.\(kind)"), "name": name,
        "known": known.isEmpty ? tr("plan.none") : known.joined(separator: ", "),
      ])
    case .ambiguous(let kind, let name, let choices):
      return tr("name.ambiguous", ["kind": tr("name.kind.\(kind)"), "name": name, "choices": choices.joined(separator: ", ")])
    }
  }
}

extension Course {
  /// The lesson that owns `text` (`LESSON:NAME` or a bare `NAME`) among the names each lesson
  /// has (`names`), and the name within it.
  /// - Parameters:
  ///   - kind: what is looked for, for the messages (`exercise`, `experiment`, `step`).
  ///   - context: the lesson in context, which a bare name means when it has it.
  /// - Throws: `CourseNameError`: no such lesson, no lesson has it, or several do.
  public func resolve(
    _ text: String, kind: String, context: Lesson? = nil, names: (Lesson) -> [String]
  ) throws -> (lesson: Lesson, name: String) {
    let wanted = CourseName(text)
    if let lessonName = wanted.lesson {
      guard let lesson = lesson(named: lessonName) else {
        throw CourseNameError.noLesson(lessonName, lessons: lessons.map(\.name))
      }
      guard names(lesson).contains(wanted.name) else {
        throw CourseNameError.notFound(kind: kind, name: text, known: names(lesson).map { "\(lesson.name):\($0)" })
      }
      return (lesson, wanted.name)
    }
    if let context, names(context).contains(wanted.name) { return (context, wanted.name) }
    let owners = lessons.filter { names($0).contains(wanted.name) }
    switch owners.count {
    case 1: return (owners[0], wanted.name)
    case 0:
      let scope = context.map { [$0] } ?? lessons
      throw CourseNameError.notFound(
        kind: kind, name: text, known: scope.flatMap { lesson in names(lesson).map { "\(lesson.name):\($0)" } })
    default:
      throw CourseNameError.ambiguous(kind: kind, name: text, choices: owners.map { "\($0.name):\(wanted.name)" })
    }
  }
}
