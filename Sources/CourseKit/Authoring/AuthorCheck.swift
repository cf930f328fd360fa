import Foundation
import LessonEngine

/// `lessons author check`: what a lesson's author runs before publishing, as rustlings'
/// `dev check` and d2l-book's full execution of every notebook. It checks that
/// - every file of the lesson reads, and every reference resolves (`files`);
/// - the languages have the same steps, with the same parameters, and the same string keys
///   (`files`);
/// - every step runs with its defaults, or with the lesson's `quickValues` (`steps`);
/// - every code block shown builds in the playground, in one build (`playground`);
/// - each code exercise's solution passes its check and its starter fails it (`exercises`).
///
/// Every problem is an `AuthorProblem` (`FILE:LINE: reason`); none stops the others.
public struct AuthorCheck {
  /// The parts of the check, each of which can be run alone.
  public enum Part: String, CaseIterable, Sendable {
    case files, steps, playground, exercises
  }

  public let lesson: Lesson
  /// The lesson's file in each language, as found (a copy's files when checking a copy).
  public let files: [(language: String, path: String)]
  /// Run the steps with the lesson's `quickValues`.
  public var quick = false
  public var parts = Set(Part.allCases)
  /// The project's sources (the package root): the steps' code, the exercises' folders, playground/.
  public let sourcesRoot: URL
  /// Where the exercises' folders are read (`Sources/<X>Lesson/Exercises/`): the sources, or a
  /// copy of them with a changed starter or solution.
  public var exercisesRoot: URL
  /// Where the check builds its copies of the playground and the exercises package (kept
  /// between runs, so that later builds are incremental).
  public var scratchFolder: URL

  public init(lesson: Lesson, files: [(language: String, path: String)], sourcesRoot: URL) {
    self.lesson = lesson
    self.files = files
    self.sourcesRoot = sourcesRoot.standardizedFileURL
    exercisesRoot = self.sourcesRoot
    scratchFolder = self.sourcesRoot.appendingPathComponent(".build/author-check")
  }

  /// Runs the parts asked for, saying what it does on `log`; returns every problem found.
  public func run(log: (String) -> Void) -> [AuthorProblem] {
    var problems: [AuthorProblem] = []
    let documents = readFiles(&problems)
    if parts.contains(.files) {
      log("files: \(files.map(\.path).joined(separator: ", "))")
      problems += duplicateStepIDs()
      problems += compareLanguages(documents)
    }
    if let english = documents.first, let document = english.document {
      if parts.contains(.steps) { problems += runSteps(document, log: log) }
      if parts.contains(.playground) { problems += buildShownCode(document, log: log) }
    }
    if parts.contains(.exercises) { problems += checkExercises(log: log) }
    return problems
  }

  // MARK: - Files, references, languages

  /// Each language's document with its steps' code filled in, or its problem.
  func readFiles(_ problems: inout [AuthorProblem]) -> [(language: String, path: String, document: LessonDocument?)] {
    files.map { language, path in
      do {
        let document = try lesson.filled(try LessonParser.load(path: path), sourcesRoot: sourcesRoot)
        return (language, path, document)
      } catch let error as LessonError {
        problems.append(AuthorProblem(file: error.file, line: error.line, reason: error.reason))
      } catch {
        problems.append(AuthorProblem(file: path, line: nil, reason: "\(error)"))
      }
      return (language, path, nil)
    }
  }

  /// Step ids are the lesson's own (`STEP` in it, `LESSON:STEP` anywhere): two step types of
  /// its catalogue with one id would make one of them unreachable. (Two steps of one id in a
  /// lesson file are the parser's error, reported by `readFiles`.)
  func duplicateStepIDs() -> [AuthorProblem] {
    Dictionary(grouping: lesson.catalog.all, by: \.id).filter { $0.value.count > 1 }.keys.sorted().map { id in
      AuthorProblem(file: lesson.stepsFolder, line: nil, reason: "step id '\(id)' is declared by more than one step of \(lesson.name)")
    }
  }

  /// The other languages against the first: the same steps in the same order, with the same
  /// parameters and defaults; and the lesson's strings with the same keys in every language.
  func compareLanguages(_ documents: [(language: String, path: String, document: LessonDocument?)]) -> [AuthorProblem] {
    var problems: [AuthorProblem] = []
    if let head = documents.first, let first = head.document {
      let firstPath = head.path
      for (_, path, document) in documents.dropFirst() {
        guard let document else { continue }
        problems += Self.compare(first, firstPath, document, path)
      }
    }
    let stringsFile = "\(lesson.stepsFolder)/../Localization"
    for missing in lesson.strings.missingKeys {
      problems.append(AuthorProblem(file: stringsFile, line: nil, reason: "string key missing in \(missing)"))
    }
    return problems
  }

  static func compare(_ reference: LessonDocument, _ referencePath: String, _ other: LessonDocument, _ path: String) -> [AuthorProblem] {
    var problems: [AuthorProblem] = []
    let ids = Set(other.steps.map(\.id))
    for step in reference.steps where !ids.contains(step.id) {
      problems.append(AuthorProblem(
        file: path, line: nil, reason: "step '\(step.id)' (\(referencePath):\(step.line)) is missing"))
    }
    let referenceIDs = Set(reference.steps.map(\.id))
    for step in other.steps where !referenceIDs.contains(step.id) {
      problems.append(AuthorProblem(file: path, line: step.line, reason: "step '\(step.id)' is not in \(referencePath)"))
    }
    let common = reference.steps.filter { ids.contains($0.id) }
    let otherCommon = other.steps.filter { referenceIDs.contains($0.id) }
    if common.map(\.id) != otherCommon.map(\.id) {
      problems.append(AuthorProblem(
        file: path, line: otherCommon.first?.line,
        reason: "the steps are in another order than in \(referencePath): \(otherCommon.map(\.id).joined(separator: ", "))"))
      return problems
    }
    for (a, b) in zip(common, otherCommon) {
      let mine = a.parameters.map { "\($0.name)=\($0.value)" }, theirs = b.parameters.map { "\($0.name)=\($0.value)" }
      if mine != theirs {
        problems.append(AuthorProblem(
          file: path, line: b.line,
          reason: "step '\(b.id)' has parameters \(theirs.joined(separator: " ")); \(referencePath):\(a.line) has \(mine.joined(separator: " "))"))
      }
      if a.showsCode != b.showsCode || a.code != b.code {
        problems.append(AuthorProblem(file: path, line: b.line, reason: "step '\(b.id)' shows other code than \(referencePath):\(a.line)"))
      }
    }
    return problems
  }
}
