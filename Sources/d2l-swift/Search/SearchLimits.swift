/// The searches' stated limits: past them a search is refused with a `SearchError` that says so.
public enum SearchLimits {
  /// Beam search's largest beam size k.
  public static let maximumBeamSize = 1024
  /// Exhaustive search scores every output, |𝒴|^T′ of them: it is refused past this many.
  public static let maximumSequences = 1_000_000
}
