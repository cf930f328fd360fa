import CourseKit
import LessonEngine
import ArgumentParser
import D2L
import Foundation

/// `lessons eval`: a saved model's perplexity on a text file, or a seq2seq model's loss.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "A saved model's perplexity on a text file, or a seq2seq model's loss on the book's pairs.",
    discussion: """
      The text gets the corpus's preprocessing (per line: non-letters to one space, strip, \
      lower-case; lines joined), then runs as one continuous sequence from a zero state: token \
      t+1 is predicted from the tokens up to t. Large files are read in chunks.
      """)

  @Option(help: "A safetensors checkpoint.")
  var weights: String

  @Option(help: "The text file to evaluate on (not for a seq2seq model, which is evaluated on the book's first 600 pairs).")
  var text: String?

  @Flag(help: "Print {\"perplexity\": p, \"tokens\": n} as JSON (n: the number of predictions); for a seq2seq model {\"loss\": x, \"tokens\": n}.")
  var json = false

  func validate() throws {
    try requireFile(weights, option: "--weights")
    if let text { try requireFile(text, option: "--text") }
    // A language model reads a text; a seq2seq model is evaluated on the book's pairs.
    if text == nil && !isSeq2SeqCheckpoint(weights) {
      throw ValidationError("Missing expected argument '--text <text>' (a language model is evaluated on a text file)")
    }
  }

  func run() throws {
    // The book's printed loss: Σ per-sequence masked losses / Σ valid target tokens, dropout off.
    if isSeq2SeqCheckpoint(weights) { return try Seq2SeqCommands.eval(weights: weights, json: json) }
    guard let text else { return }  // refused by validate()
    let checkpoint = try loadCheckpoint(weights)
    let result: (perplexity: Double, predictions: Int)
    do {
      let reader = try CharCorpusReader(url: URL(fileURLWithPath: text), vocab: checkpoint.vocab)
      let chunks = ChunkSequence(reader: reader)
      result = checkpoint.model.perplexity(ofChunks: chunks)
      if let error = chunks.failure { throw error }
    } catch {
      Console.error("error: cannot evaluate on \(text): \(error)")
      throw ExitCode.failure
    }
    guard result.predictions > 0 else {
      Console.error("error: \(text) has fewer than two tokens after preprocessing: nothing to predict")
      throw ExitCode.failure
    }
    if json {
      let object: [String: Any] = ["perplexity": result.perplexity, "tokens": result.predictions]
      let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
      Console.write(String(decoding: data, as: UTF8.self) + "\n")
    } else {
      Console.write(String(format: "perplexity %.4f over %d predicted characters\n", result.perplexity, result.predictions))
    }
  }
}

/// A reader's chunks as a sequence; a read error ends it and stays in `failure`.
final class ChunkSequence: Sequence, IteratorProtocol {
  let reader: CharCorpusReader
  private(set) var failure: Error?

  init(reader: CharCorpusReader) { self.reader = reader }

  func next() -> [Int32]? {
    do { return try reader.nextChunk() } catch { failure = error; return nil }
  }

  func makeIterator() -> ChunkSequence { self }
}
