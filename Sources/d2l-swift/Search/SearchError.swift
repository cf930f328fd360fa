/// A search refused before it ran (bad settings, a search space past its stated limit), or a
/// beam step that returned something a beam step cannot return.
public enum SearchError: Error, Equatable, CustomStringConvertible {
  case beamSize(Int)
  case beamTooLarge(Int, limit: Int)
  case negativeAlpha(Double)
  case maxLength(Int)
  case tooManySequences(vocabularySize: Int, maxLength: Int, limit: Int)
  case badStep(String)

  public var description: String {
    switch self {
    case .beamSize(let k):
      return "the beam size must be at least 1, got \(k) (beam size 1 is greedy search)"
    case .beamTooLarge(let k, let limit):
      return "the beam size \(k) is past the limit of \(limit) candidates per step"
    case .negativeAlpha(let alpha):
      return "the length penalty α must be a finite number ≥ 0, got \(alpha) (0 ranks by log P alone, the book uses 0.75)"
    case .maxLength(let length):
      return "the maximum output length must be at least 1, got \(length)"
    case .tooManySequences(let v, let t, let limit):
      return "exhaustive search would score |𝒴|^T′ = \(v)^\(t) sequences, past its limit of \(limit); use beam search"
    case .badStep(let reason):
      return "the beam step's result is not a beam: \(reason)"
    }
  }
}
