import BiRNNLesson
import DeepRNNLesson
import LessonEngine
import ArgumentParser
import Foundation

/// Options every lesson command shares: which lesson, which language, how to render.
struct LessonOptions: ParsableArguments {
  @Argument(help: "A lesson name (deep-rnn) or the path to a lesson's .md file.")
  var lesson: String = "deep-rnn"

  @OptionGroup var language: LanguageOption

  @Flag(name: .customLong("no-color"), help: "Plain text, no colours or styles (also: NO_COLOR=1).")
  var noColor = false

  /// The lesson's language (`--lang`, else the locale).
  var lang: String { ((try? language.apply()) ?? .en).rawValue }

  /// Reads and checks the lesson; a problem ends the command with `FILE:LINE: reason`, status 1.
  func loadPlan(overrides: [String] = []) throws -> LessonPlan {
    do {
      let path = try LessonLocator.locate(lesson, language: lang)
      return try LessonPlan(document: try LessonParser.load(path: path), catalog: path.hasSuffix("bi-rnn.md") ? BiRNNLesson.catalog : DeepRNNLesson.catalog, overrides: overrides)
    } catch let error as LessonError {
      Console.error(error.description)
      throw ExitCode.failure
    }
  }

  var renderer: TerminalRenderer {
    let environment = ProcessInfo.processInfo.environment
    let color = TerminalStyle.shouldUseColor(isTTY: Console.isTerminal, environment: environment, flag: noColor ? false : nil)
    return TerminalRenderer(width: TerminalStyle.renderWidth(environment: environment), color: color)
  }
}

/// `lessons run`: the walk-through.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Walk through a lesson: its prose, and its steps run one at a time.",
    discussion: """
      On a terminal the lesson pauses after each step: Enter or n goes on, r runs the step \
      again, q quits. Otherwise (a pipe, CI) it prints the whole transcript.
      """)

  @OptionGroup var options: LessonOptions

  @Option(name: .customLong("set"), help: "Override a step parameter's default, e.g. --set epochs=100 (repeatable).")
  var overrides: [String] = []

  @Option(help: "Run only this step (and, quietly, the steps it needs).")
  var step: String?

  @Option(help: "Walk on from this step (what it needs runs first, quietly).")
  var from: String?

  @Flag(help: "Run the lesson's own code for every step, ignoring your edits (lessons edit).")
  var original = false

  func validate() throws {
    if step != nil && from != nil { throw ValidationError("--step and --from cannot be used together") }
  }

  func run() throws {
    let plan = try options.loadPlan(overrides: overrides)
    let interactive = Console.isTerminal && isatty(STDIN_FILENO) == 1
    let editing = original ? nil : (try? Playground.locate()).map(PlaygroundEditing.init)
    let runner = LessonRunner(plan: plan, renderer: options.renderer, interactive: interactive, editing: editing)
    do {
      if let step { try runner.run(step: step) } else { try runner.run(from: from) }
    } catch let error as LessonError {
      Console.error(error.description)
      throw ExitCode.failure
    } catch is LessonInterrupted {
      throw ExitCode(130)
    } catch let error as ExitCode {
      throw error
    } catch {
      Console.error(tr("command.error", ["error": "\(error)"]))
      throw ExitCode.failure
    }
  }
}

/// `lessons list`: the lessons and their steps.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List the lessons and their steps.")

  @OptionGroup var language: LanguageOption

  func run() throws {
    let lang = try language.apply().rawValue
    let lessons = LessonLocator.available()
    if lessons.isEmpty { Console.write(tr("command.noLessons") + "\n") }
    for (name, _) in lessons {
      let options = try LessonOptions.parse([name, "--lang", lang])
      let plan = try options.loadPlan()
      Console.write(tr("command.lesson", ["name": name, "file": plan.document.file, "count": plan.entries.count]) + "\n")
      for (k, entry) in plan.entries.enumerated() {
        let id = entry.step.id.padding(toLength: 18, withPad: " ", startingAt: 0)
        let head = String(format: "  %2d. ", k + 1) + id + " "
        let text = "\(entry.definition.summary)  [\(tr("command.line", ["line": entry.step.line]))]"
        let lines = LineFitter.paragraph(text, width: Console.width, first: head, rest: String(repeating: " ", count: head.count))
        Console.write(lines.joined(separator: "\n") + "\n")
      }
    }
  }
}
