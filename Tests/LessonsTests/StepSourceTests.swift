import Foundation
import Testing
@testable import CourseKit
@testable import LessonEngine
@testable import Lessons

/// The code a lesson shows for a step is the code that runs, and it is written once: the
/// lesson's fence has no body, and the walk shows the step's source between `// ANCHOR: id` and
/// `// ANCHOR_END: id`, in every language.
@Suite struct StepSourceTests {
  /// Every anchored region in Sources/DeepRNNLesson/Steps, dedented, by step id.
  static let anchoredSources: [String: String] = {
    let folder = LessonsBinary.packageRoot.appendingPathComponent("Sources/DeepRNNLesson/Steps")
    var regions: [String: String] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".swift") {
      let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
      var current: (id: String, lines: [Substring])?
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("// ANCHOR: ") {
          current = (String(trimmed.dropFirst("// ANCHOR: ".count)), [])
        } else if trimmed.hasPrefix("// ANCHOR_END: "), let c = current {
          regions[c.id] = dedent(c.lines)
          current = nil
        } else if current != nil {
          current!.lines.append(line)
        }
      }
    }
    return regions
  }()

  static func dedent(_ lines: [Substring]) -> String {
    let indent = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      .map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
    return lines.map { $0.count >= indent ? String($0.dropFirst(indent)) : "" }.joined(separator: "\n")
  }

  static let lessonFiles = ["lessons/deep-rnn.md", "lessons/vi/deep-rnn.md"]

  @Test(arguments: lessonFiles)
  func shownCodeIsTheCodeThatRuns(file: String) throws {
    let path = LessonsBinary.packageRoot.appendingPathComponent(file).path
    try #require(FileManager.default.fileExists(atPath: path), "\(file) is missing")
    let written = try LessonParser.load(path: path, file: file)
    for step in written.steps where step.showsCode {
      #expect(step.code.isEmpty, "\(file):\(step.line): step '\(step.id)' copies its code; leave the fence empty")
    }
    let lesson = try Lessons.course.lesson(named: "deep-rnn")!.filled(written, sourcesRoot: LessonsBinary.packageRoot)
    let shown = lesson.steps.filter(\.showsCode)
    #expect(!shown.isEmpty)
    for step in shown {
      guard let source = Self.anchoredSources[step.id] else {
        Issue.record("\(file):\(step.line): step '\(step.id)' shows code but no ANCHOR: \(step.id) region exists in Sources/DeepRNNLesson/Steps")
        continue
      }
      #expect(step.code == source, "\(file):\(step.line): the code shown for '\(step.id)' differs from its compiled source:\n--- lesson\n\(step.code)\n--- source\n\(source)")
    }
  }

  @Test func bothLanguagesHaveTheSameSteps() throws {
    let root = LessonsBinary.packageRoot
    let english = try LessonParser.load(path: root.appendingPathComponent(Self.lessonFiles[0]).path)
    let vietnamese = try LessonParser.load(path: root.appendingPathComponent(Self.lessonFiles[1]).path)
    #expect(english.steps.map(\.id) == vietnamese.steps.map(\.id))
    #expect(english.steps.map { $0.parameters.map(\.value) } == vietnamese.steps.map { $0.parameters.map(\.value) })
  }

  @Test(arguments: lessonFiles)
  func everyStepIsKnownWithValidDefaults(file: String) throws {
    let lesson = try LessonParser.load(path: LessonsBinary.packageRoot.appendingPathComponent(file).path, file: file)
    let plan = try LessonPlan(document: lesson, catalog: Lessons.course.lesson(named: "deep-rnn")!.catalog)
    #expect(plan.entries.count == lesson.steps.count)
  }

  /// Every step's code is in exactly one file of the repository: the step's Swift source, not
  /// a lesson file, a test or a document (lines compared without their indentation; the
  /// snapshots are recorded output of the walk, which shows the code, so they do not count).
  @Test func eachStepsCodeIsInOneFile() throws {
    let root = LessonsBinary.packageRoot
    func unindented(_ text: String) -> String {
      text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        .joined(separator: "\n")
    }
    var files: [(String, String)] = []
    let enumerator = FileManager.default.enumerator(atPath: root.path)
    while let path = enumerator?.nextObject() as? String {
      if path.hasPrefix(".") || path.contains("/.") || path.hasPrefix("Tests/LessonsTests/Snapshots") { continue }
      guard [".swift", ".md", ".txt"].contains(where: path.hasSuffix),
            let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) else { continue }
      files.append((path, unindented(text)))
    }
    #expect(Self.anchoredSources["scratch-stack"] != nil)
    for (id, code) in Self.anchoredSources {
      let holders = files.filter { $0.1.contains(unindented(code)) }.map(\.0)
      #expect(holders.count == 1, "step '\(id)': its code is in \(holders)")
    }
    // The acceptance's example: one line of scratch-stack, one file (besides this test, which
    // names it).
    let line = "let (outputs, states, layerOutputs) = stack(X)"
    let holders = files.filter { $0.1.contains(line) && $0.0 != "Tests/LessonsTests/StepSourceTests.swift" }.map(\.0)
    #expect(holders == ["Sources/DeepRNNLesson/Steps/ScratchSteps.swift"])
  }

  @Test func everyAnchorBelongsToARegisteredStep() {
    for id in Self.anchoredSources.keys {
      #expect(Lessons.course.lesson(named: "deep-rnn")!.catalog.definition(id) != nil, "ANCHOR: \(id) has no registered step")
    }
  }
}
