import D2L
import Foundation
import LessonEngine

/// The book's seq2seq model trained on the first 600 pairs of fra-eng, with its vocabularies
/// and the number of steps its sentences are cut to: what the translation steps search with.
/// Kept in the step cache as the library's seq2seq checkpoint.
public struct TrainedTranslator: CachableOutput {
  public let checkpoint: Seq2SeqCheckpoint

  public init(checkpoint: Seq2SeqCheckpoint) { self.checkpoint = checkpoint }

  /// The training's time: the sum of its epochs' (the history the checkpoint keeps).
  public var seconds: Double { checkpoint.history.reduce(0) { $0 + $1.seconds } }

  public var model: Seq2Seq { checkpoint.model }
  public var numSteps: Int { checkpoint.configuration?.numSteps ?? Seq2SeqConfiguration().numSteps }

  /// `sentence` translated with beam size `beamSize` (1: greedy) and length penalty `alpha`:
  /// its target tokens, without <eos>.
  public func translate(_ sentence: String, beamSize: Int, alpha: Double) throws -> [String] {
    try model.translate(sentence, sourceVocab: checkpoint.sourceVocab, targetVocab: checkpoint.targetVocab,
                        numSteps: numSteps) { decoder, start, settings in
      var settings = settings
      settings.alpha = alpha
      return try decoder.beamSearch(from: start, beamSize: beamSize, settings: settings)
    }.translation.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
  }

  /// `pairs` translated with each (beam size, α), scored by BLEU as the book computes it (up to
  /// 2-grams) and timed: see `BeamMeasurement.measure`.
  public func measure(
    _ pairs: [(source: String, reference: String)], settings: [(beamSize: Int, alpha: Double)], rounds: Int = 1
  ) throws -> [BeamMeasurement] {
    try BeamMeasurement.measure(
      pairs.map(\.source), references: pairs.map(\.reference), settings: settings, rounds: rounds,
      translate: { sentence, k, alpha in try translate(sentence, beamSize: k, alpha: alpha) },
      bleu: { translation, reference in bleu(translation.joined(separator: " "), reference, k: 2) })
  }

  public static var cacheFileExtension: String { "safetensors" }

  public func writeCache(to url: URL) throws { try checkpoint.save(to: url) }

  public static func readCache(from url: URL) throws -> TrainedTranslator {
    TrainedTranslator(checkpoint: try Seq2SeqCheckpoint.load(from: url) { throw CachedTranslatorError(file: url.lastPathComponent) })
  }
}

/// A cached translator without its vocabularies.
struct CachedTranslatorError: Error, CustomStringConvertible {
  let file: String
  var description: String { "\(file): no vocabularies in its metadata" }
}
