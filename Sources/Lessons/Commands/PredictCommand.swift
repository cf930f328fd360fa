import CourseKit
import LessonEngine
import ArgumentParser
import D2L
import Foundation

/// `lessons predict`: D2L's `predict_ch8` from a saved model.
struct PredictCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "predict",
    abstract: "Continue a prefix with a saved model: greedy predictions (D2L's predict_ch8), or beam search with --beam K.")

  @Option(help: "A safetensors checkpoint: from `lessons train --save`, or PyTorch's D2L RNNModel state_dict.")
  var weights: String

  @Option(parsing: .unconditional, help: "The text to warm the state up on.")
  var prefix: String

  @Option(parsing: .unconditional, help: "How many characters to predict.")
  var chars: Int = 50

  @OptionGroup var search: BeamOptions

  @Flag(help: "Print {\"text\": ...} as JSON.")
  var json = false

  func validate() throws {
    guard !prefix.isEmpty else { throw ValidationError(tr("option.prefixEmpty")) }
    guard (0...1_000_000).contains(chars) else { throw ValidationError(tr("option.range", ["option": "--chars", "low": 0, "high": 1_000_000, "value": chars])) }
    if search.beam != nil, chars < 1 { throw ValidationError("--beam needs --chars of at least 1") }
    try requireFile(weights, option: "--weights")
  }

  func run() throws {
    let checkpoint = try loadCheckpoint(weights)
    let model = checkpoint.model, vocab = checkpoint.vocab
    // The model read the book lower-cased (D2L's preprocessing), so the prefix is too; what its
    // vocabulary still lacks reads as <unk>, and the learner is told so, not left to wonder.
    let prefix = self.prefix.lowercased()
    if prefix != self.prefix { Console.error(tr("predict.lowercased", ["prefix": prefix])) }
    let unknown = Array(Set(prefix.map(String.init).filter { vocab[$0] == Vocab.unknownIndex })).sorted()
    if !unknown.isEmpty {
      Console.error(tr("predict.unknown", ["characters": unknown.map { "'\($0)'" }.joined(separator: " ")]))
    }
    let text: String
    if search.beam != nil {
      // The character model has no <eos>: every candidate has --chars characters.
      text = try model.continuation(of: prefix, count: chars, vocab: vocab, search: search.search).text
    } else {
      text = model.predict(prefix: prefix, count: chars, vocab: vocab)
    }
    if json {
      let data = try JSONSerialization.data(withJSONObject: ["text": text], options: [.sortedKeys])
      Console.write(String(decoding: data, as: UTF8.self) + "\n")
    } else {
      Console.write(text + "\n")
    }
  }
}

/// Refuses a missing file (or a folder) before anything runs, with the usage.
func requireFile(_ path: String, option: String) throws {
  var isDirectory: ObjCBool = false
  guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
    throw ValidationError(tr("option.noFile", ["option": option, "path": path]))
  }
  guard !isDirectory.boolValue else { throw ValidationError(tr("option.folderNotFile", ["option": option, "path": path])) }
}

/// Loads a checkpoint, or stops with the reason it was refused (no stack trace).
func loadCheckpoint(_ path: String) throws -> ModelCheckpoint {
  do {
    return try ModelCheckpoint.load(from: URL(fileURLWithPath: path))
  } catch {
    Console.error("error: cannot load \(path): \(error)")
    throw ExitCode.failure
  }
}
