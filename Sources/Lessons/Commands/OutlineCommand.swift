import ArgumentParser
import CourseKit
import Foundation
import LessonEngine

/// `lessons outline LESSON`: the steps, what the cache holds for each, and how long each takes.
struct OutlineCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "outline",
    abstract: "List a lesson's steps with their state and the time each took or is expected to take.",
    discussion: """
      A step whose result is in the cache for its code and values as they stand shows as \
      "not run, cached" with the time it took; the walk then shows it at once. In the walk, \
      `o` shows the same outline with what has run, what came from the cache and what is stale.
      """)

  @OptionGroup var options: LessonOptions

  @Option(name: .customLong("set"), help: "Override a step parameter, as lessons run --set does (repeatable).")
  var overrides: [String] = []

  @Flag(help: "Ignore your edits, as lessons run --original does.")
  var original = false

  func run() throws {
    let plan = try options.loadPlan(overrides: overrides)
    let runner = options.runner(plan, interactive: false, original: original)
    Console.write(runner.outline().joined(separator: "\n") + "\n")
  }
}
