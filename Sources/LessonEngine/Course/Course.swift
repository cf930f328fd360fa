import D2L
import Foundation

/// The registered lessons, in the order a learner takes them: a lesson comes after the lessons
/// it `follows`, and otherwise in the order registered.
///
///     let course = Course([MyLesson.lesson, NextLesson.lesson])
///     course.lesson(named: "my-lesson")
public struct Course {
  /// The lessons, in course order.
  public let lessons: [Lesson]

  public init(_ registered: [Lesson]) {
    var ordered: [Lesson] = []
    var pending = registered
    // Repeatedly take the first lesson whose predecessors are all placed (a `follows` that
    // names no registered lesson is ignored; a cycle keeps the registration order).
    while !pending.isEmpty {
      let placed = Set(ordered.map(\.name))
      let known = Set(registered.map(\.name))
      let next = pending.firstIndex { $0.follows.allSatisfy { placed.contains($0) || !known.contains($0) } } ?? 0
      ordered.append(pending.remove(at: next))
    }
    lessons = ordered
  }

  /// The data files the lessons need (`Lesson.dataFiles`), each once, in course order.
  public var dataFiles: [DataFileSpec] {
    var seen = Set<String>()
    return lessons.flatMap(\.dataFiles).filter { seen.insert($0.name).inserted }
  }

  /// The data file of that name that some lesson needs.
  public func dataFile(named name: String) -> DataFileSpec? { dataFiles.first { $0.name == name } }

  /// The lessons that need `spec`.
  public func lessons(needing spec: DataFileSpec) -> [Lesson] {
    lessons.filter { $0.dataFiles.contains { $0.name == spec.name } }
  }

  /// The lesson called `name` (`my-lesson`).
  public func lesson(named name: String) -> Lesson? { lessons.first { $0.name == name } }

  /// The lesson a file belongs to: the one with a file of that name in some language
  /// (`lessons/vi/my-lesson.md` and a copy `/tmp/my-lesson.md` both belong to `my-lesson`), else
  /// one that may use every registered lesson's steps.
  public func lesson(forFile path: String) -> Lesson {
    let name = URL(fileURLWithPath: path).lastPathComponent
    if let lesson = lessons.first(where: { $0.files.values.contains { URL(fileURLWithPath: $0).lastPathComponent == name } }) {
      return lesson
    }
    let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    // A copy under another name: the lesson whose steps it names, under its own name (so that
    // its run record and cache are its own), so that its steps' code is found in that lesson.
    if let ids = (try? LessonParser.load(path: path))?.steps.map(\.id), !ids.isEmpty,
      let owner = lessons.first(where: { lesson in ids.allSatisfy { lesson.catalog.definition($0) != nil } })
    {
      return owner.renamed(base)
    }
    return anyLesson(name: base)
  }

  /// A lesson file outside the course: it may name the steps of any registered lesson.
  private func anyLesson(name: String) -> Lesson {
    let first = lessons.first
    return Lesson(
      name: name, titleKey: first?.titleKey ?? name, module: first?.module ?? "",
      files: [:], stepsFolder: first?.stepsFolder ?? "",
      catalog: StepCatalog(lessons.flatMap(\.catalog.all)),
      strings: first?.strings ?? StringTable(en: [:], vi: [:]),
      dataFiles: lessons.flatMap(\.dataFiles), indispensableData: lessons.flatMap(\.indispensableData),
      handovers: lessons.flatMap(\.handovers))
  }
}
