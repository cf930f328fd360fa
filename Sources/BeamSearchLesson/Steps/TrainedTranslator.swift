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

  /// The seq2seq lesson's trained model, when its walk has left one in the step cache with
  /// these settings (the seed aside): the newest such checkpoint in `cache/seq2seq/`, and its
  /// file's name.
  public static func fromSeq2SeqLesson(
    _ configuration: Seq2SeqConfiguration, cache: URL = StepCache.defaultDirectory()
  ) -> (translator: TrainedTranslator, file: String)? {
    let folder = cache.appendingPathComponent("seq2seq")
    let files = (try? FileManager.default.contentsOfDirectory(
      at: folder, includingPropertiesForKeys: [.contentModificationDateKey])) ?? []
    let newestFirst = files.filter { $0.lastPathComponent.hasSuffix(".output.safetensors") }.sorted {
      let a = (try? $0.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
      let b = (try? $1.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
      return a > b
    }
    var wanted = configuration
    for file in newestFirst {
      guard let checkpoint = try? Seq2SeqCheckpoint.load(from: file, vocabularies: { throw CachedTranslatorError(file: file.lastPathComponent) }),
            var found = checkpoint.configuration else { continue }
      (found.seed, wanted.seed) = (0, 0)
      if found == wanted, checkpoint.history.count == configuration.epochs {
        return (TrainedTranslator(checkpoint: checkpoint), file.lastPathComponent)
      }
    }
    return nil
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
