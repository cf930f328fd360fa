import ArgumentParser
import D2L

/// `--beam K [--alpha A]`: beam search instead of greedy search, for `predict` and `translate`.
struct BeamOptions: ParsableArguments {
  @Option(help: "Beam search with this beam size instead of greedy search (1 is greedy; at most \(SearchLimits.maximumBeamSize)).")
  var beam: Int?

  @Option(parsing: .unconditional, help: "With --beam: the length penalty α of the final score (1/L^α) log P.")
  var alpha: Double = SearchSettings.defaultAlpha

  func validate() throws {
    if let beam {
      guard beam >= 1 else { throw ValidationError("--beam: \(SearchError.beamSize(beam))") }
      guard beam <= SearchLimits.maximumBeamSize else {
        throw ValidationError("--beam: \(SearchError.beamTooLarge(beam, limit: SearchLimits.maximumBeamSize))")
      }
    }
    guard alpha >= 0, alpha.isFinite else { throw ValidationError("--alpha: \(SearchError.negativeAlpha(alpha))") }
  }

  /// Beam search of size `--beam` with `--alpha`, on whatever model a command searches.
  func search<M: NextTokenModel>(_ model: M, _ start: M.SearchState, _ settings: SearchSettings) throws -> SearchResult {
    var settings = settings
    settings.alpha = alpha
    return try model.beamSearch(from: start, beamSize: beam ?? 1, settings: settings)
  }
}
