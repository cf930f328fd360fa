import D2L
import Foundation
import LessonEngine

/// The playground executable's entry: runs one step of a lesson with the learner's code in
/// place of the lesson's, on exactly the inputs the step gets in the lesson. What it needs runs
/// first, quietly, with the lesson's code, except the outputs handed over as files (the trained
/// model), which are loaded instead of recomputed.
///
///     playground --lesson lessons/my-lesson.md --step my-step [--set epochs=5]…
///                [--value numLayers=3]… [--handover DIR] [--sources ROOT] [--width 80] [--color] [--lang vi]
///
/// `--set` overrides a parameter for every step, as `lessons run --set` does; `--value` sets
/// one of the edited step's own parameters (what `s` changed in the walk).
public enum PlaygroundMain {
  /// Runs the step named on the command line; exits 0 when it ran, 1 with a message when not.
  public static func run(lesson: Lesson, edited: [StepDefinition], arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
    do {
      try runStep(lesson: lesson, edited: edited, arguments: arguments)
      exit(0)
    } catch {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      exit(1)
    }
  }

  static func runStep(lesson: Lesson, edited: [StepDefinition], arguments: [String]) throws {
    let options = try Options(arguments)
    Language.current = options.language
    var catalog = lesson.catalog
    for definition in edited { catalog = catalog.replacing(definition) }
    let plan = try lesson.plan(path: options.lesson, overrides: options.overrides, sourcesRoot: options.sources, catalog: catalog)
    let document = plan.document
    let output = StepOutput(color: options.color, width: options.width)
    let results = StepResults()
    let entries = try plan.entries(upTo: options.step)
    for entry in entries.dropLast() {
      if let folder = options.handover, let handover = lesson.handovers.first(where: { $0.stepID == entry.step.id }),
        try handover.load(into: results, from: folder) { continue }
      output.quiet = true
      try entry.definition.run(output, entry.values, results)
      output.quiet = false
    }
    let target = entries.last!
    var values = target.values
    for (name, value) in options.values {
      guard let parameter = target.definition.parameters.first(where: { $0.name == name }) else {
        throw StepError("step '\(target.step.id)' has no parameter '\(name)'")
      }
      if let problem = parameter.problem(with: value) { throw StepError(problem) }
      values = values.setting(name, to: value)
    }
    do {
      try target.definition.run(output, values, results)
    } catch let error as LessonInterrupted {
      throw error
    } catch {
      throw LessonError(file: document.file, line: target.step.line, reason: "step '\(target.step.id)' (edited): \(error)")
    }
    if let folder = options.handover { for handover in lesson.handovers { try handover.save(results, in: folder) } }
  }

  /// The command line, parsed by hand: the playground links no argument parser.
  struct Options {
    var lesson = ""
    var step = ""
    var overrides: [String] = []
    var values: [(String, String)] = []
    var handover: URL?
    var sources: URL?
    var width = 80
    var color = false
    var language = Language.en

    init(_ arguments: [String]) throws {
      var rest = arguments[...]
      func value(_ flag: String) throws -> String {
        guard let v = rest.popFirst() else { throw StepError("\(flag) needs a value") }
        return v
      }
      while let flag = rest.popFirst() {
        switch flag {
        case "--lesson": lesson = try value(flag)
        case "--step": step = try value(flag)
        case "--set": overrides.append(try value(flag))
        case "--value":
          let pair = try value(flag)
          values.append((String(pair.prefix { $0 != "=" }), String(pair.drop { $0 != "=" }.dropFirst())))
        case "--handover": handover = URL(fileURLWithPath: try value(flag))
        case "--sources": sources = URL(fileURLWithPath: try value(flag))
        case "--width": width = Int(try value(flag)) ?? 80
        case "--color": color = true
        case "--lang": language = Language(rawValue: try value(flag))
        default: throw StepError("unknown argument '\(flag)'")
        }
      }
      guard !lesson.isEmpty, !step.isEmpty else { throw StepError("usage: playground --lesson FILE --step ID [--set k=v]…") }
    }
  }
}
