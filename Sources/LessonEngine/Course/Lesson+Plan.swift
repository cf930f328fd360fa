import Foundation

extension Lesson {
  /// The lesson file at `path` read, its shown steps' code filled in from the lesson's
  /// sources (`StepCodeSource`), and checked against its catalogue (or `catalog`, the
  /// playground's with the learner's steps in place) and `--set` `overrides`.
  /// - Parameter sourcesRoot: where the project's sources are, when not found the usual way.
  /// - Throws: `LessonError` (`FILE:LINE: reason`).
  public func plan(
    path: String, overrides: [String] = [], sourcesRoot: URL? = nil, catalog: StepCatalog? = nil,
    options: LessonParseOptions = .strict
  ) throws -> LessonPlan {
    let document = try LessonParser.load(path: path, options: options)
    // The steps and their values first: an unknown step or a bad value is the first thing to fix.
    _ = try LessonPlan(document: document, catalog: catalog ?? self.catalog, overrides: overrides)
    return try LessonPlan(document: try filled(document, sourcesRoot: sourcesRoot), catalog: catalog ?? self.catalog, overrides: overrides)
  }

  /// `document` with its shown steps' code read from the lesson's sources.
  public func filled(_ document: LessonDocument, sourcesRoot: URL? = nil) throws -> LessonDocument {
    if let source = StepCodeSource.locate(stepsFolder: stepsFolder, root: sourcesRoot) {
      return try source.filling(document)
    }
    if let step = document.steps.first(where: { $0.showsCode && $0.code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) {
      throw LessonError(
        file: document.file, line: step.line,
        reason: "step '\(step.id)': its code is in \(stepsFolder), which was not found (set \(StepCodeSource.environmentVariable) to the folder that holds it)")
    }
    return document
  }
}
