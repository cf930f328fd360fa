import CourseKit
import LessonEngine
import ArgumentParser
import Foundation

/// Options every lesson command shares: which lesson, which language, how to render.
struct LessonOptions: ParsableArguments {
  @Argument(help: "A lesson name (lessons list shows them; default: the course's first) or the path to a lesson's .md file.")
  var lesson: String = course.lessons.first?.name ?? ""

  @OptionGroup var language: LanguageOption

  @Flag(name: .customLong("no-color"), help: "Plain text, no colours or styles (also: NO_COLOR=1).")
  var noColor = false

  /// The lesson's language (`--lang`, else the locale).
  var lang: String { ((try? language.apply()) ?? .en).rawValue }

  /// The registered lesson named, or the one the file named belongs to.
  var chosen: Lesson { course.lesson(named: lesson) ?? course.lesson(forFile: lesson) }

  /// Reads and checks the lesson; a problem ends the command with `FILE:LINE: reason`, status 1.
  func loadPlan(overrides: [String] = []) throws -> LessonPlan {
    do {
      let path = try LessonLocator.locate(lesson, language: lang)
      return try chosen.plan(path: path, overrides: overrides)
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
    let lesson = options.chosen
    let editing = original ? nil : (try? Playground.locate(lesson: lesson)).map(PlaygroundEditing.init)
    var runner = LessonRunner(plan: plan, renderer: options.renderer, interactive: interactive, editing: editing)
    runner.indispensableData = Set(lesson.indispensableData.map(\.name))
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
