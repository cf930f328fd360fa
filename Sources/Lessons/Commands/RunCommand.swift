import CourseKit
import LessonEngine
import ArgumentParser
import Foundation

/// Options every lesson command shares: which lesson, which language, how to render.
struct LessonOptions: ParsableArguments {
  @Argument(help: "A lesson name (lessons list shows them; default: the course's first, or for `run` the lesson you are on) or the path to a lesson's .md file.")
  var named: String?

  /// The lesson named, else the course's first.
  var lesson: String {
    get { named ?? course.lessons.first?.name ?? "" }
    set { named = newValue }
  }

  @OptionGroup var language: LanguageOption

  @OptionGroup var framework: TabOption

  @Flag(name: .customLong("no-color"), help: "Plain text, no colours or styles (also: NO_COLOR=1).")
  var noColor = false

  /// The lesson's language (`--lang`, else the locale).
  var lang: String { ((try? language.apply()) ?? .en).rawValue }

  /// A step named `STEP` (in the chosen lesson) or `LESSON:STEP`, which chooses LESSON unless
  /// another lesson was named: the step's id within its lesson.
  mutating func address(_ text: String) throws -> String {
    let name = CourseName(text)
    guard let owner = name.lesson else {
      // No lesson named: a step id that one lesson alone has chooses that lesson.
      let owners = course.lessons.filter { $0.catalog.all.contains { $0.id == text } }
      if named == nil, owners.count == 1 { lesson = owners[0].name }
      return text
    }
    guard course.lesson(named: owner) != nil else {
      throw ValidationError(CourseNameError.noLesson(owner, lessons: course.lessons.map(\.name)).description)
    }
    if lesson != owner {
      // The lesson argument left at its default gives way; one named differently is a mistake.
      guard lesson == course.lessons.first?.name else {
        throw ValidationError(tr("command.stepOfOtherLesson", ["step": text, "lesson": lesson]))
      }
      lesson = owner
    }
    return name.name
  }

  /// The registered lesson named, or the one the file named belongs to.
  var chosen: Lesson { course.lesson(named: lesson) ?? course.lesson(forFile: lesson) }

  /// Reads and checks the lesson; a problem ends the command with `FILE:LINE: reason`, status 1.
  func loadPlan(overrides: [String] = []) throws -> LessonPlan {
    do {
      let path = try LessonLocator.locate(lesson, language: lang, course: course)
      return try chosen.plan(path: path, overrides: overrides, options: framework.parseOptions)
    } catch let error as LessonError {
      Console.error(error.description)
      throw ExitCode.failure
    }
  }

  /// How a command reads the step cache: not at all, or through it (`fresh`: running every
  /// step and writing over what it held).
  enum CacheUse {
    case using(fresh: Bool)
  }

  /// The runner of `plan` for the chosen lesson: the learner's edits unless `original`, the
  /// lesson's indispensable data, and the step cache.
  func runner(_ plan: LessonPlan, interactive: Bool, original: Bool = false, cache: CacheUse? = .using(fresh: false)) -> LessonRunner {
    let lesson = chosen
    let editing = original ? nil : (try? Playground.locate(lesson: lesson)).map(PlaygroundEditing.init)
    var runner = LessonRunner(plan: plan, renderer: renderer, interactive: interactive, editing: editing)
    runner.indispensableData = Set(lesson.indispensableData.map(\.name))
    runner.dataFiles = lesson.dataFiles
    if case .using(let fresh)? = cache { runner.cache = StepCache(codecs: lesson.cacheCodecs, fresh: fresh) }
    return runner
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
      On a terminal the lesson pauses after each step: Enter or n goes on, b goes back, r runs \
      the step again, s sets its parameters, e edits its code, a runs the stale steps again, \
      o shows the outline, g N goes to step N, q (or Ctrl-C, Ctrl-D) quits. Otherwise (a pipe, \
      CI) it prints the whole transcript. Finished steps are kept in the step cache and shown \
      at once next time while nothing they depend on changed (lessons cache; --fresh).
      """)

  @OptionGroup var options: LessonOptions

  @Option(name: .customLong("set"), help: "Override a step parameter's default, e.g. --set epochs=100 (repeatable).")
  var overrides: [String] = []

  @Option(help: "Run only this step, STEP or LESSON:STEP (and, quietly, the steps it needs).")
  var step: String?

  @Option(help: "Walk on from this step, STEP or LESSON:STEP (what it needs runs first, quietly).")
  var from: String?

  @Flag(help: "Run the lesson's own code for every step, ignoring your edits (lessons edit).")
  var original = false

  @Flag(help: "Run every step again, ignoring cached results (and replacing them).")
  var fresh = false

  @Flag(name: .customLong("no-cache"), help: "Neither read nor write cached results.")
  var noCache = false

  mutating func validate() throws {
    if step != nil && from != nil { throw ValidationError(tr("option.stepAndFrom")) }
    if let step { self.step = try options.address(step) }
    if let from { self.from = try options.address(from) }
  }

  func run() throws {
    var options = options
    if options.named == nil { options.lesson = chooseLesson() }
    let plan = try options.loadPlan(overrides: overrides)
    let interactive = Console.isTerminal && isatty(STDIN_FILENO) == 1
    let runner = options.runner(plan, interactive: interactive, original: original, cache: noCache ? nil : .using(fresh: fresh))
    do {
      if let step {
        try runner.run(step: step)
      } else if try runner.run(from: from) == .finished {
        sayWhatComesNext()
      }
    } catch let error as LessonError {
      Console.error(error.description)
      throw ExitCode.failure
    } catch is LessonInterrupted {
      throw ExitCode(130)
    } catch let error as ExitCode {
      throw error
    } catch {
      Console.error(tr("command.error", ["error": LibraryErrorText.words(error)]))
      throw ExitCode.failure
    }
  }

  /// After a whole walk: a D2L file's names the course's lesson for its section; a lesson's
  /// names the course's next one, as a book's chapter ends by pointing to the next.
  private func sayWhatComesNext() {
    func say(_ line: String) { Console.write("\n" + LineFitter.fitLines(line, width: Console.width) + "\n") }
    if let index = course.lessons.firstIndex(where: { $0.name == options.lesson }) {
      guard index + 1 < course.lessons.count else { return say(tr("run.courseDone")) }
      let next = course.lessons[index + 1]
      say(tr("run.nextLesson.after", ["name": next.name, "title": next.title]))
    } else if let lesson = course.lesson(teachingSection: options.lesson) {
      say(tr("run.courseLesson", ["name": lesson.name]))
    }
  }

  /// With no lesson named: the one the learner is on (the first not walked to its end), else
  /// the course's first; says which, and why.
  private func chooseLesson() -> String {
    guard let first = course.lessons.first else { return "" }
    let (lesson, key) = course.nextLesson().map { ($0.lesson, $0.started ? "run.goingOn" : "run.nextLesson") }
      ?? (first, "run.firstLesson")
    Console.write(tr(key, ["name": lesson.name, "title": lesson.title]) + "\n")
    return lesson.name
  }
}
