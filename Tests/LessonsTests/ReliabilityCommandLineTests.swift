import Foundation
import Testing

/// Every subcommand refuses unknown flags and bad values before doing anything, with a message
/// and its usage (swift-argument-parser's validation: exit status 64).
@Suite struct ReliabilityCommandLineTests {
  /// The subcommands `lessons --help` lists, so that new ones are covered too.
  static let subcommands: [String] = {
    guard let help = try? LessonsBinary.run(["--help"]).stdout,
          let section = help.components(separatedBy: "SUBCOMMANDS:").last
    else { return [] }
    return section.split(separator: "\n").compactMap { line in
      // Subcommand lines are indented by two spaces and have an abstract; wrapped abstracts
      // are indented further; the closing "See 'lessons help …'" has no abstract column.
      guard line.hasPrefix("  "), !line.hasPrefix("   "), line.contains("   "),
            let name = line.split(separator: " ").first, name.allSatisfy({ $0.isLowercase || $0 == "-" })
      else { return nil }
      return String(name)
    }
  }()

  /// Arguments that subcommands require, so that the unknown flag is what gets refused.
  static let requiredArguments: [String: [String]] = [
    "predict": ["--weights", "/dev/null", "--prefix", "a"], "eval": ["--weights", "/dev/null", "--text", "/dev/null"],
    "translate": ["--weights", "/dev/null", "go ."], "experiment": ["deep-rnn:2"], "check": ["deep-rnn:1"], "hint": ["deep-rnn:1"],
    "reset": ["deep-rnn:1"], "edit": ["scratch-stack"],
  ]

  @Test func helpListsTheSubcommands() {
    #expect(Set(["run", "list", "train", "predict", "eval", "bench"]).isSubset(of: Self.subcommands), "\(Self.subcommands)")
  }

  @Test(arguments: subcommands)
  func unknownFlagIsRefusedWithTheUsage(subcommand: String) throws {
    let result = try LessonsBinary.run([subcommand] + (Self.requiredArguments[subcommand] ?? []) + ["--no-such-flag"])
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains("Error: Unknown option '--no-such-flag'"), "\(result.stderr)")
    #expect(result.stderr.contains("Usage: lessons \(subcommand)"), "\(result.stderr)")
  }

  /// A bad value, the message it gets, and (always) the usage.
  struct BadValue: CustomTestStringConvertible, Sendable {
    let arguments: [String]
    let message: String
    var testDescription: String { "lessons " + arguments.joined(separator: " ") }
  }

  static let badValues: [BadValue] = [
    .init(arguments: ["train", "--epochs", "0"], message: "Error: --epochs must be between 1 and 1000000, got 0"),
    .init(arguments: ["train", "--epochs", "many"], message: "Error: The value 'many' is invalid for '--epochs <epochs>'"),
    .init(arguments: ["train", "--lr", "-1"], message: "Error: --lr must be a positive number, got -1.0"),
    .init(arguments: ["train", "--seed", "-1"], message: "Error: The value '-1' is invalid for '--seed <seed>'"),
    .init(arguments: ["train", "--hidden", "-8"], message: "Error: --hidden must be between 1 and 8192, got -8"),
    .init(arguments: ["train", "--lr", "0"], message: "Error: --lr must be a positive number, got 0.0"),
    .init(arguments: ["train", "--lr", "nan"], message: "Error: --lr must be a positive number, got nan"),
    .init(arguments: ["train", "--clip", "inf"], message: "Error: --clip must be a positive number, got inf"),
    .init(arguments: ["train", "--cell", "transformer"],
          message: "Error: The value 'transformer' is invalid for '--cell <cell>'. Please provide one of 'rnn', 'gru' or 'lstm'."),
    .init(arguments: ["train", "--iter", "sideways"],
          message: "Error: The value 'sideways' is invalid for '--iter <iter>'. Please provide one of 'sequential' and 'random'."),
    .init(arguments: ["train", "--layers", "0"], message: "Error: --layers must be between 1 and 16, got 0"),
    .init(arguments: ["train", "--hidden", "100000"], message: "Error: --hidden must be between 1 and 8192, got 100000"),
    .init(arguments: ["train", "--batch-size", "0"], message: "Error: --batch-size must be between 1 and 4096, got 0"),
    .init(arguments: ["train", "--num-steps", "20000"], message: "Error: --num-steps must be between 1 and 10000, got 20000"),
    .init(arguments: ["train", "--books", "/no/such/book.txt"], message: "Error: --books: no such file '/no/such/book.txt'"),
    .init(arguments: ["train", "--resume", "/no/such/run.safetensors"], message: "Error: --resume: no such file '/no/such/run.safetensors'"),
    .init(arguments: ["train", "--model", "seq2seq", "--hidden", "999"],
          message: "Error: --hidden is an option of the language model: the seq2seq run takes --epochs, --lr, --clip, --seed, --save and --json"),
    .init(arguments: ["train", "--model", "seq2seq", "--resume", "/tmp"],
          message: "Error: --resume is an option of the language model: the seq2seq run takes --epochs, --lr, --clip, --seed, --save and --json"),
    .init(arguments: ["train", "--save", "/no/such/folder/model.safetensors"],
          message: "Error: --save: no folder '/no/such/folder' to write model.safetensors into"),
    .init(arguments: ["train", "--save", "/tmp"], message: "Error: --save: '/tmp' is a folder; give a file name such as /tmp/model.safetensors"),
    .init(arguments: ["train", "extra"], message: "Error: Unexpected argument 'extra'"),
    .init(arguments: ["predict", "--prefix", "time"], message: "Error: Missing expected argument '--weights <weights>'"),
    .init(arguments: ["predict", "--weights", "/no/such.safetensors", "--prefix", "a"],
          message: "Error: --weights: no such file '/no/such.safetensors'"),
    .init(arguments: ["predict", "--weights", "/tmp", "--prefix", "a"], message: "Error: --weights: '/tmp' is a folder, not a file"),
    .init(arguments: ["predict", "--weights", "/tmp", "--prefix", ""], message: "Error: --prefix must not be empty"),
    .init(arguments: ["predict", "--weights", "/tmp", "--prefix", "a", "--chars", "-5"],
          message: "Error: --chars must be between 0 and 1000000, got -5"),
    .init(arguments: ["predict", "--weights", "/tmp", "--prefix", "a", "--chars", "2000000"],
          message: "Error: --chars must be between 0 and 1000000, got 2000000"),
    .init(arguments: ["predict", "--weights", "/tmp", "--prefix", "a", "--beam", "0"],
          message: "Error: --beam: the beam size must be at least 1, got 0"),
    .init(arguments: ["predict", "--weights", "/tmp", "--prefix", "a", "--beam", "5000"],
          message: "Error: --beam: the beam size 5000 is past the limit of 1024"),
    .init(arguments: ["predict", "--weights", "/tmp", "--prefix", "a", "--beam", "2", "--alpha", "-1"],
          message: "Error: --alpha: the length penalty α must be a finite number ≥ 0, got -1.0"),
    .init(arguments: ["eval", "--weights", "/no/such.safetensors", "--text", "/no/such.txt"],
          message: "Error: --weights: no such file '/no/such.safetensors'"),
    .init(arguments: ["eval", "--weights", "/dev/null", "--text", "/no/such.txt"], message: "Error: --text: no such file '/no/such.txt'"),
    .init(arguments: ["eval", "--weights", "/dev/null"], message: "Error: --text: give the text file to evaluate the language model on"),
    .init(arguments: ["bench", "--seconds", "0"], message: "Error: --seconds must be in (0, 3600], got 0.0"),
    .init(arguments: ["bench", "--lr", "0"], message: "Error: --lr must be a positive number, got 0.0"),
    .init(arguments: ["bench", "--cell", "cnn"],
          message: "Error: The value 'cnn' is invalid for '--cell <cell>'. Please provide one of 'rnn', 'gru' or 'lstm'."),
    .init(arguments: ["run", "--lang", "fr"], message: "Error: --lang must be en or vi, got 'fr'"),
    .init(arguments: ["list", "--lang", "fr"], message: "Error: --lang must be en or vi, got 'fr'"),
  ]

  @Test(arguments: badValues)
  func badValueIsRefusedWithAMessageAndTheUsage(_ bad: BadValue) throws {
    let result = try LessonsBinary.run(bad.arguments)
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.hasPrefix(bad.message), "\(result.stderr)")
    #expect(result.stderr.contains("Usage: lessons \(bad.arguments[0])"), "\(result.stderr)")
    #expect(result.stdout.isEmpty, "it did something: \(result.stdout)")
  }

  /// In a Vietnamese session the parser's own words around a refusal speak Vietnamese too, as the
  /// message between them does; in English they are the parser's.
  @Test func theParsersWordsSpeakTheLearnersLanguage() throws {
    let vi = try LessonsBinary.run(["bench", "--precision", "fp8", "--lang", "vi"])
    #expect(vi.status == 64, "\(vi.stderr)")
    #expect(vi.stderr.hasPrefix("Lỗi: ") && vi.stderr.contains("\nTrợ giúp: ") && vi.stderr.contains("\nCách dùng: lessons bench"), "\(vi.stderr)")
    #expect(vi.stderr.contains("  Xem 'lessons bench --help' để biết thêm."), "\(vi.stderr)")
    for word in ["Error:", "Help:", "Usage:", "for more information"] { #expect(!vi.stderr.contains(word), "\(vi.stderr)") }
    let en = try LessonsBinary.run(["bench", "--precision", "fp8", "--lang", "en"])
    #expect(en.status == 64 && en.stderr.hasPrefix("Error: ") && en.stderr.contains("\nUsage: lessons bench"), "\(en.stderr)")
    #expect(en.stderr.contains("  See 'lessons bench --help' for more information."), "\(en.stderr)")
  }
}
