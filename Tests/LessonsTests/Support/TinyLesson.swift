import Foundation
import LessonEngine

/// A lesson of the engine's tests, made of nothing but what the engine offers: four steps whose
/// contracts are known (`four` reads `two`, `three` reads `one`), and `sneaky`, which reads
/// `two` without declaring it. The parser, cache and runner tests use it instead of a course
/// lesson, so that they import no lesson.
enum TinyLesson {
  /// How many times each step's body ran in this process (a cache hit does not run it).
  nonisolated(unsafe) static var runs: [String: Int] = [:]

  static func ran(_ id: String) { runs[id, default: 0] += 1 }

  enum One: LessonStep {
    static let id = "one"
    static var summary: String { "a number" }
    static let parameters: [StepParameter] = [.integer("a", 0...100, "the number")]
    typealias Input = StepValues
    static func run(_ values: StepValues, _ out: StepOutput) -> Int {
      ran(id)
      out.say("  one = \(values.int("a"))")
      return values.int("a")
    }
  }

  enum Two: LessonStep {
    static let id = "two"
    static var summary: String { "another number, times ten" }
    static let parameters: [StepParameter] = [.integer("b", 0...100, "the other number")]
    typealias Input = StepValues
    static func run(_ values: StepValues, _ out: StepOutput) -> Int {
      ran(id)
      out.say("  two = \(values.int("b") * 10)")
      return values.int("b") * 10
    }
  }

  /// Reads `one`, declared.
  enum Three: PlusOne {
    typealias Source = One
    static let id = "three"
    static var summary: String { "one plus one" }
  }

  /// Reads `two`, declared; its output is cached (an array of Codable is `CachableOutput`).
  enum Four: PlusOne {
    typealias Source = Two
    static let id = "four"
    static var summary: String { "two plus one" }
  }

  /// Reads `two` but declares only `one`: its cache key would not change with `two`.
  enum Sneaky: LessonStep {
    static let id = "sneaky"
    static var summary: String { "reads what it does not declare" }
    static let requires = [One.id]
    static func input(_ values: StepValues, _ results: StepResults) throws -> Int {
      try results.output(of: One.self) + results.output(of: Two.self)
    }
    static func run(_ sum: Int, _ out: StepOutput) -> Int { sum }
  }

  /// A step that reads `Source`'s number, declared in `requires`, and prints and returns it plus
  /// one (as an array, which the cache can keep).
  protocol PlusOne: LessonStep where Input == Int, Output == [Int] {
    associatedtype Source: LessonStep where Source.Output == Int
  }

  static let catalog = StepCatalog([One.definition, Two.definition, Three.definition, Four.definition, Sneaky.definition])
  static let codecs: [StepCodec] = [.of(Three.self), .of(Four.self)]

  /// The lesson file: prose, then the steps in order (`sneaky` last when asked for).
  static func text(a: Int = 1, b: Int = 2, sneaky: Bool = false) -> String {
    var text = "# Tiny\n\nFour steps.\n\n```step one a=\(a)\n```\n\n```step two b=\(b)\n```\n\n```step three\n```\n\n```step four\n```\n"
    if sneaky { text += "\n```step sneaky\n```\n" }
    return text
  }

  /// The lesson value, its file at `path`.
  static func lesson(path: String) -> Lesson {
    Lesson(
      name: "tiny", titleKey: "title", module: "TinyLesson", files: ["en": path], stepsFolder: "Tests/LessonsTests/Support",
      catalog: catalog, strings: StringTable(en: ["title": "Tiny"], vi: ["title": "Nhỏ"]), cacheCodecs: codecs)
  }
}

extension TinyLesson.PlusOne {
  static var requires: [String] { [Source.id] }
  static func input(_ values: StepValues, _ results: StepResults) throws -> Int { try results.output(of: Source.self) }
  static func run(_ number: Int, _ out: StepOutput) -> [Int] {
    TinyLesson.ran(id)
    out.say("  \(id) = \(number + 1)")
    return [number + 1]
  }
}
