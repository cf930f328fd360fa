import Foundation
import Testing

@testable import CourseKit
@testable import LessonEngine
@testable import Lessons

/// Seeded fuzzing of the lesson parser and renderer: mutated real lessons and random Markdown
/// made of directive, math and role fragments. Every input must end in a document or a
/// `LessonError` (`FILE:LINE: reason`): no crash, no hang, no output out of proportion to
/// the input. `D2L_FUZZ_ITERATIONS=200000` runs longer; `D2L_FUZZ_SEED` picks another seed.
@Suite struct LessonFuzzTests {
  static let iterations = ProcessInfo.processInfo.environment["D2L_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 10_000
  static let seed = ProcessInfo.processInfo.environment["D2L_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x5EED_1E55

  @Test func mutatedAndRandomLessonsNeverCrashHangOrExplode() throws {
    var random = FuzzRandom(seed: Self.seed)
    let corpus = try LessonFuzz.corpus()
    let watchdog = FuzzWatchdog(limitSeconds: 30)
    defer { watchdog.stop() }
    var stats = LessonFuzz.Statistics()
    let start = LessonFuzz.threadNanoseconds()
    for index in 0..<Self.iterations {
      let (kind, input) = LessonFuzz.input(index: index, corpus: corpus, random: &random)
      watchdog.working(on: index, input: input)
      let width = [20, 33, 80, 160][random.int(4)]
      let outcome = LessonFuzz.check(input, width: width, color: random.int(2) == 0)
      stats.record(outcome, kind: kind, inputSize: input.count)
      if let problem = outcome.problem {
        Issue.record("input \(index) (seed \(Self.seed)): \(problem)\n\(String(decoding: input.prefix(2000), as: UTF8.self).debugDescription)")
        return
      }
    }
    let seconds = Double(LessonFuzz.threadNanoseconds() - start) / 1e9
    print("lesson fuzz: \(Self.iterations) inputs (seed \(Self.seed)) in \(String(format: "%.1f", seconds)) s: \(stats)")
    #expect(stats.inputs == Self.iterations)
    // Both outcomes must be common, or the fuzzer is not exercising the parser.
    #expect(stats.rendered > Self.iterations / 10 && stats.refused > Self.iterations / 10, "\(stats)")
    #expect(stats.slowestSeconds < 2, "slowest input took \(stats.slowestSeconds) s")
  }

  /// Nesting far beyond any lesson's (which the parser, builder and renderer would follow
  /// recursively, to a stack overflow) is refused at its line.
  @Test func extremeNestingIsRefusedAtItsLine() {
    let n = 100_000
    let markdown = "Intro.\n\n"
    let cases: [(String, String)] = [
      (String(repeating: ">", count: n) + " a\n", "fuzz.md:3: Markdown nested more than 64 levels deep (lists, quotes, emphasis or links)"),
      (String(repeating: "- ", count: n) + "a\n", "fuzz.md:3: Markdown nested more than 64 levels deep (lists, quotes, emphasis or links)"),
      (String(repeating: "*a ", count: n) + String(repeating: "b*", count: n) + "\n", "fuzz.md:3: Markdown nested more than 64 levels deep (lists, quotes, emphasis or links)"),
      ("$" + String(repeating: "{", count: n) + "x" + String(repeating: "}", count: n) + "$\n", "fuzz.md:3: LaTeX nested more than 64 levels deep"),
      ("$" + String(repeating: "\\sqrt", count: n) + " x$\n", "fuzz.md:3: LaTeX nested more than 64 levels deep"),
    ]
    for (body, message) in cases {
      #expect(throws: (any Error).self) { try LessonParser.parse(text: markdown + body, file: LessonFuzz.file) }
      do {
        _ = try LessonParser.parse(text: markdown + body, file: LessonFuzz.file)
      } catch {
        #expect("\(error)" == message)
      }
    }
    // Ordinary nesting still renders.
    #expect(throws: Never.self) { try LessonParser.parse(text: "> > > - - *a **b** c*\n\n$\\frac{\\sqrt{x_{i_{j}}}}{2}$\n", file: LessonFuzz.file) }
  }

  /// Rendering is linear in the lesson length: 8 times the text takes about 8 times as long
  /// (the bound, 20, is far below quadratic's 64). Times are the thread's CPU time, so a busy
  /// machine does not inflate them.
  @Test func renderingTimeIsLinearInLessonLength() throws {
    let unit = 12
    let small = LessonFuzz.longLesson(sections: unit)
    let large = LessonFuzz.longLesson(sections: 8 * unit)
    _ = try LessonFuzz.parseAndRender(small)  // warm up
    func best(_ text: String) throws -> Double {
      var times: [Double] = []
      for _ in 0..<3 {
        let start = LessonFuzz.threadNanoseconds()
        _ = try LessonFuzz.parseAndRender(text)
        times.append(Double(LessonFuzz.threadNanoseconds() - start))
      }
      return times.min()!
    }
    let ratio = try best(large) / best(small)
    print("lesson rendering: \(small.utf8.count) bytes vs \(large.utf8.count) bytes, time ratio \(String(format: "%.1f", ratio))")
    #expect(ratio < 20, "8x the lesson took \(ratio)x the time")
  }

  /// Pathological shapes that quadratic scanners or deep recursion trip over, each 8 times
  /// larger than a baseline (timed in the thread's CPU time, as above).
  @Test(.serialized, arguments: LessonFuzz.pathologicalShapes)
  func pathologicalInputsStayLinear(shape: LessonFuzz.Shape) throws {
    func time(_ n: Int) -> Double {
      let text = shape.make(n)
      var best = Double.infinity
      for _ in 0..<3 {
        let start = LessonFuzz.threadNanoseconds()
        let outcome = LessonFuzz.check(Array(text.utf8), width: 80, color: false)
        best = min(best, Double(LessonFuzz.threadNanoseconds() - start))
        if let problem = outcome.problem { Issue.record("\(shape.name) n=\(n): \(problem)") }
      }
      return best
    }
    _ = time(shape.baseline)
    let small = time(shape.baseline), large = time(8 * shape.baseline)
    let ratio = large / small
    print(String(format: "%@: %.2f ms, 8x: %.2f ms, ratio %.1f", shape.name, small / 1e6, large / 1e6, ratio))
    #expect(ratio < 20, "\(shape.name): 8x the input took \(ratio)x the time (\(small / 1e6) ms vs \(large / 1e6) ms)")
  }
}

/// The generators and the oracle of the lesson fuzz test.
enum LessonFuzz {
  static let file = "fuzz.md"

  /// The CPU time this thread has used, in nanoseconds: unlike the wall clock, it does not grow
  /// while the machine runs other tests or builds, so a time ratio measures the code alone.
  static func threadNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
  }

  /// The real lessons and the renderer's snapshot sample.
  static func corpus() throws -> [[UInt8]] {
    let root = LessonsBinary.packageRoot
    let paths = ["lessons/deep-rnn.md", "lessons/vi/deep-rnn.md", "Tests/LessonsTests/Snapshots/lesson-sample.md"]
    let texts = paths.compactMap { try? Data(contentsOf: root.appendingPathComponent($0)) }.map { [UInt8]($0) }
    guard !texts.isEmpty else { throw CocoaError(.fileNoSuchFile) }
    return texts
  }

  /// Pieces of lesson syntax that are fine on their own (though not always together).
  static let validFragments: [String] = [
    "# Title\n", "## Section\n", "### Sub\n", ":label:`sec_a`\n", ":numref:`sec_top`", ":eqref:`eq_top`",
    ":cite:`Graves.2013`", "$x$", "$\\mathbf{H}_t^{(l)}$", "$$\\mathbf{H}_t = \\phi(\\mathbf{X}_t)$$\n", "$", "\\$",
    "$\\frac{a}{b}$", "$\\mathbb{R}^{n \\times h}$", "$\\begin{aligned}a &= b \\\\ c &= d\\end{aligned}$",
    "$\\sqrt{x}$", "$\\left( x \\right.$", "$\\mathrm{tanh}$", "$\\ldots \\in \\odot$", "$5 and $6",
    "```step architecture layers=2 steps=3\n```\n", "```swift step=concise-model\nlet x = 1\n```\n",
    "```math label=eq_m\nx^2\n```\n", "~~~~\nx\n~~~~\n", "```\ncode $x$\n```\n",
    "*em*", "**strong**", "*", "_", "`code`", "`$x$`", "[link](http://x)", "![fig](a.svg)\n", "[", "](",
    "- item\n", "1. one\n", "  - nested\n", "> quote\n", ">", "    indented code\n", "| a | b |\n|---|---|\n",
    "<!-- c -->\n", "<b>", "\n", "\n\n", " ", "\t", "\r\n", "é", "𝐇", "中文", "text ", "words and more words ",
    "1.", "---\n", "***\n", "\\", "{", "}",
  ]

  /// Pieces that make a lesson wrong: each must be refused with its line.
  static let brokenFragments: [String] = [
    ":label:`sec_b`", ":numref:`nope`", ":eqlabel:`eq_a`\n", ":ref:`x`", ":numref:`", "$\\foo$", "${$", "$}$",
    "$x_a_b$", "$^$", "$\\begin{aligned}a$", "$\\end{x}$", "$&$", "$$", "```step train epochs=5\n```\n",
    "```step\n```\n", "```step x y\n```\n", "```step a=\"b\n```\n", "```math foo=1\n```\n", "```\ncode\n",
    "```", "``", "`", "\u{FEFF}", "\u{E000}7\u{E001}", "\u{0}",
  ]

  static let fragments = validFragments + brokenFragments

  /// A lesson that the valid fragments' references point to.
  static let prelude = "# Top\n:label:`sec_top`\n\n$$x$$\n:eqlabel:`eq_top`\n\n"

  /// Input number `index`: half mutated excerpts of the real lessons, one in a hundred a whole
  /// mutated lesson (they take longest), the rest random fragment soups.
  static func input(index: Int, corpus: [[UInt8]], random: inout FuzzRandom) -> (Kind, [UInt8]) {
    switch random.int(100) {
    case 0..<50:
      // Whole lines, so that most excerpts are lessons in their own right.
      let source = corpus[random.int(corpus.count)]
      var start = random.int(source.count)
      while start > 0, source[start - 1] != UInt8(ascii: "\n") { start -= 1 }
      var end = min(start + 64 + random.int(1000), source.count)
      while end < source.count, source[end - 1] != UInt8(ascii: "\n") { end += 1 }
      return (.excerpt, mutate(Array(source[start..<end]), random: &random, edits: 1 + random.int(3)))
    case 50:
      return (.lesson, mutate(corpus[random.int(corpus.count)], random: &random))
    default:
      var text = random.int(2) == 0 ? prelude : ""
      for _ in 0..<(1 + random.int(30)) {
        let pool = random.int(20) == 0 ? brokenFragments : validFragments
        text += pool[random.int(pool.count)]
      }
      return random.int(4) == 0 ? (.mutatedSoup, mutate(Array(text.utf8), random: &random)) : (.soup, Array(text.utf8))
    }
  }

  enum Kind: String, CaseIterable {
    case excerpt = "mutated excerpts", lesson = "mutated whole lessons", soup = "fragment soups"
    case mutatedSoup = "mutated soups"
  }

  /// A few random edits: flipped bytes, inserted fragments, deletions, duplications, cuts.
  static func mutate(_ bytes: [UInt8], random: inout FuzzRandom, edits: Int? = nil) -> [UInt8] {
    var bytes = bytes
    for _ in 0..<(edits ?? 1 + random.int(6)) {
      let position = random.int(bytes.count + 1)
      switch random.int(10) {
      case 0 where !bytes.isEmpty:
        bytes[min(position, bytes.count - 1)] ^= UInt8(1 << random.int(8))
      case 1:
        bytes.insert(contentsOf: fragments[random.int(fragments.count)].utf8, at: position)
      case 2:
        bytes.removeSubrange(position..<min(position + random.int(80), bytes.count))
      case 3:
        let end = min(position + random.int(200), bytes.count)
        bytes.insert(contentsOf: bytes[position..<end], at: random.int(bytes.count + 1))
      case 4:
        bytes.removeSubrange(position..<bytes.count)
      case 5:
        bytes.insert(UInt8(random.int(256)), at: position)
      case 6:
        bytes.insert(contentsOf: "```".utf8, at: position)
      default:
        bytes.insert(contentsOf: fragments[random.int(fragments.count)].utf8, at: position)
      }
    }
    return bytes
  }

  struct Outcome {
    var rendered = false
    var outputSize = 0
    var seconds = 0.0
    /// What went wrong, if anything did.
    var problem: String?
  }

  /// Parses, plans and renders `input`; a `LessonError` is a fine answer, anything else a
  /// problem, as is output larger than `64 × input + 4096` bytes.
  static func check(_ input: [UInt8], width: Int, color: Bool) -> Outcome {
    var outcome = Outcome()
    let start = LessonFuzz.threadNanoseconds()
    let lineCount = input.filter { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }.count + 1
    do {
      let document = try LessonParser.parse(bytes: input, file: file)
      let renderer = TerminalRenderer(width: width, color: color)
      let text = renderer.render(document)
      outcome.rendered = true
      outcome.outputSize = text.utf8.count
      if outcome.outputSize > 64 * input.count + 4096 {
        outcome.problem = "\(input.count) bytes rendered as \(outcome.outputSize) bytes"
      }
      do { _ = try LessonPlan(document: document, catalog: TinyLesson.catalog) } catch let error as LessonError {
        if let line = error.line, !(1...lineCount).contains(line) { outcome.problem = "plan error at line \(line) of \(lineCount): \(error)" }
      }
    } catch let error as LessonError {
      if let line = error.line, !(1...lineCount).contains(line) {
        outcome.problem = "error at line \(line) of \(lineCount): \(error)"
      } else if !error.description.hasPrefix(file + ":") || error.reason.isEmpty {
        outcome.problem = "malformed diagnostic: \(error)"
      }
    } catch {
      outcome.problem = "threw \(type(of: error)), not a LessonError: \(error)"
    }
    outcome.seconds = Double(LessonFuzz.threadNanoseconds() - start) / 1e9
    return outcome
  }

  static func parseAndRender(_ text: String) throws -> String {
    TerminalRenderer(width: 80, color: true).render(try LessonParser.parse(text: text, file: file))
  }

  /// A valid lesson of `sections` sections, each with unique labels and a step, using every
  /// construct the renderer knows.
  static func longLesson(sections: Int) -> String {
    var text = "# A long lesson\n:label:`sec_top`\n\n"
    for k in 0..<sections {
      text += """
        ## Section \(k)
        :label:`sec_\(k)`

        The hidden state $\\mathbf{H}_t^{(l)} \\in \\mathbb{R}^{n \\times h}$ of *layer* $l$ feeds \
        **layer** $l+1$, as :numref:`sec_top` says and :eqref:`eq_\(k)` defines; see `stack(\(k))`, \
        [the book](https://d2l.ai) and :cite:`Graves.2013`. Some more words to wrap around the \
        terminal's width, several times over, so that wrapping has real work to do here.

        $$\\mathbf{H}_t^{(l)} = \\phi_l(\\mathbf{H}_t^{(l-1)} \\mathbf{W}_{xh}^{(l)} + \\mathbf{b}_h^{(l)}),$$
        :eqlabel:`eq_\(k)`

        1. one item with $x_\(k)$
        2. two, with a nested list:
           - nested *item*
        > A quote with `code`.

        ```swift step=step-\(k) layers=2
        let model = stack(layers: \(k))
        ```

        | a | b |
        |---|---|
        | \(k) | $\\alpha$ |


        """
    }
    return text
  }

  /// An input family that grows with `n`.
  struct Shape: CustomTestStringConvertible, Sendable {
    let name: String
    let baseline: Int
    let make: @Sendable (Int) -> String
    var testDescription: String { name }
  }

  static let pathologicalShapes: [Shape] = [
    Shape(name: "unclosed dollars in one paragraph", baseline: 2000) { String(repeating: "$a ", count: $0) + "\n" },
    Shape(name: "unclosed display math", baseline: 1000) { String(repeating: "$$a b ", count: $0) + "\n" },
    Shape(name: "unmatched backticks", baseline: 2000) { String(repeating: "`a ``b ", count: $0) + "\n" },
    Shape(name: "many fence openers", baseline: 2000) { String(repeating: "```a\nx\n", count: $0) },
    Shape(name: "math spanning many lines", baseline: 1500) { "$$\n" + String(repeating: "x +\n", count: $0) + "y$$\n" },
    Shape(name: "nested quotes", baseline: 5000) { String(repeating: ">", count: $0) + " a\n" },
    Shape(name: "nested lists", baseline: 3000) { String(repeating: "- ", count: $0) + "a\n" },
    Shape(name: "nested emphasis", baseline: 1000) { String(repeating: "*a ", count: $0) + String(repeating: "b*", count: $0) + "\n" },
    Shape(name: "nested images", baseline: 1000) { String(repeating: "![", count: $0) + "a" + String(repeating: "](u)", count: $0) + "\n" },
    Shape(name: "nested braces in math", baseline: 3000) { "$" + String(repeating: "{", count: $0) + "x" + String(repeating: "}", count: $0) + "$\n" },
    Shape(name: "nested fractions", baseline: 1000) { "$" + String(repeating: "\\frac{1}{", count: $0) + "x" + String(repeating: "}", count: $0) + "$\n" },
    Shape(name: "many references", baseline: 500) { "# A\n:label:`a`\n\n" + String(repeating: ":numref:`a` ", count: $0) + "\n" },
    Shape(name: "long words", baseline: 3000) { String(repeating: "a", count: $0) + " " + String(repeating: "b", count: $0) + "\n" },
    Shape(name: "many lines of a paragraph", baseline: 500) { String(repeating: "word $x$ word\n", count: $0) },
  ]

  /// Counts over a fuzz run.
  struct Statistics: CustomStringConvertible {
    var inputs = 0, rendered = 0, refused = 0
    var largestRatio = 0.0
    var slowestSeconds = 0.0
    var byKind: [Kind: (inputs: Int, rendered: Int, seconds: Double)] = [:]

    mutating func record(_ outcome: Outcome, kind: Kind, inputSize: Int) {
      inputs += 1
      if outcome.rendered { rendered += 1 } else { refused += 1 }
      var k = byKind[kind] ?? (0, 0, 0)
      k.inputs += 1
      k.rendered += outcome.rendered ? 1 : 0
      k.seconds += outcome.seconds
      byKind[kind] = k
      largestRatio = max(largestRatio, Double(outcome.outputSize) / Double(inputSize + 100))
      slowestSeconds = max(slowestSeconds, outcome.seconds)
    }

    var description: String {
      let kinds = Kind.allCases.compactMap { kind in
        byKind[kind].map { String(format: "%@ %d (%d rendered, %.1f s)", kind.rawValue, $0.inputs, $0.rendered, $0.seconds) }
      }
      return String(format: "%d rendered, %d refused with FILE:LINE, largest output/(input + 100 bytes) %.1f, slowest %.3f s; ",
                    rendered, refused, largestRatio, slowestSeconds) + kinds.joined(separator: ", ")
    }
  }
}

/// SplitMix64: small, seeded, the same on every machine.
struct FuzzRandom {
  private var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Uniform in 0..<n (n > 0).
  mutating func int(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}

/// Fails loudly instead of hanging: if one input takes longer than the limit, prints it and
/// aborts the test process (a hang would otherwise stall `make test` forever).
final class FuzzWatchdog: @unchecked Sendable {
  private let lock = NSLock()
  private var index = 0
  private var input: [UInt8] = []
  private var generation = 0
  private var stopped = false

  init(limitSeconds: Double) {
    let thread = Thread { [self] in
      var seen = -1
      while true {
        Thread.sleep(forTimeInterval: limitSeconds)
        lock.lock()
        if stopped { lock.unlock(); return }
        if generation == seen {
          let text = String(decoding: input.prefix(2000), as: UTF8.self).debugDescription
          FileHandle.standardError.write(Data("fuzz watchdog: no progress for \(limitSeconds) s on input \(index): \(text)\n".utf8))
          abort()
        }
        seen = generation
        lock.unlock()
      }
    }
    thread.start()
  }

  func working(on index: Int, input: [UInt8]) {
    lock.lock()
    generation += 1
    self.index = index
    self.input = input
    lock.unlock()
  }

  func stop() {
    lock.lock()
    stopped = true
    lock.unlock()
  }
}
