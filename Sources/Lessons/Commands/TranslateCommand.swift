import ArgumentParser
import CourseKit
import D2L
import Foundation
import LessonEngine

/// `lessons translate`: the book's greedy `predict_seq2seq` from a saved seq2seq model.
struct TranslateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "translate",
    abstract: "Translate English sentences into French with a saved seq2seq model (greedy, D2L's predict_seq2seq).",
    discussion: """
      Each sentence is read as the book's predict_seq2seq reads it: lower-cased and split at \
      single spaces, so write punctuation apart ("go ." rather than "Go."). A bare PyTorch \
      state_dict gets the book's vocabularies (load_data_nmt on the first 600 pairs).
      """)

  @Option(help: "A safetensors seq2seq checkpoint: from `lessons train --model seq2seq --save`, or the book's PyTorch EncoderDecoder state_dict.")
  var weights: String

  @Option(name: .customLong("num-steps"), parsing: .unconditional, help: "Source and output steps (default: the checkpoint's, else the book's 10).")
  var numSteps: Int?

  @Flag(help: "End with one line {\"translations\": [...]}.")
  var json = false

  @Argument(help: "The English sentences.")
  var sentences: [String]

  func validate() throws {
    try requireFile(weights, option: "--weights")
    guard !sentences.isEmpty else { throw ValidationError("give at least one sentence to translate") }
    if let numSteps, !(1...1000).contains(numSteps) { throw ValidationError("--num-steps must be between 1 and 1000, got \(numSteps)") }
  }

  func run() throws {
    let checkpoint = try loadSeq2SeqCheckpoint(weights)
    let steps = numSteps ?? checkpoint.configuration?.numSteps ?? Seq2SeqConfiguration().numSteps
    let translations = sentences.map {
      checkpoint.model.predict($0, sourceVocab: checkpoint.sourceVocab, targetVocab: checkpoint.targetVocab, numSteps: steps).translation
    }
    if json {
      let data = try JSONSerialization.data(withJSONObject: ["translations": translations], options: [.sortedKeys])
      Console.write(String(decoding: data, as: UTF8.self) + "\n")
    } else {
      for (sentence, translation) in zip(sentences, translations) { Console.write("\(sentence) => \(translation)\n") }
    }
  }
}

/// Whether the file at `path` holds a seq2seq model (the other checkpoints are language models).
func isSeq2SeqCheckpoint(_ path: String) -> Bool {
  (try? SafeTensorsFile(contentsOf: URL(fileURLWithPath: path))).map(Seq2SeqCheckpoint.isSeq2Seq) ?? false
}

/// Loads a seq2seq checkpoint (a bare state_dict gets the book's vocabularies), or stops with
/// the reason it was refused.
func loadSeq2SeqCheckpoint(_ path: String) throws -> Seq2SeqCheckpoint {
  do {
    return try Seq2SeqCheckpoint.load(from: URL(fileURLWithPath: path)) {
      let data = try loadDataNMT(batchSize: 64, numSteps: Seq2SeqConfiguration().numSteps)
      return (data.sourceVocab, data.targetVocab)
    }
  } catch {
    Console.error("error: cannot load \(path): \(error)")
    throw ExitCode.failure
  }
}
