import LessonEngine
import Foundation

/// The chapter's question, "would you combine authors, and what could go wrong?", answered
/// with the numbers of one run: each sentence quotes what was measured, and its direction
/// (better or worse) is read from the numbers, not assumed.
public struct AuthorMixingDiscussion {
  /// Wells alone, then the mix.
  public let settings: [SettingResult]
  /// Per setting, the scores on every held-out passage (Wells' books first).
  public let scores: [[HeldOutEvaluation.Score]]
  /// The generated samples of both settings.
  public var samples: [ExperimentReport.Sample] = []

  /// Differences smaller than this share are "about the same".
  private let tolerance = 0.02

  public var notes: [String] {
    guard settings.count == 2, scores.count == 2 else { return [] }
    let alone = settings[0], mixed = settings[1]
    let w0 = alone.heldOut[AuthorMixing.wellsKey]!, w1 = mixed.heldOut[AuthorMixing.wellsKey]!
    let o0 = alone.heldOut[AuthorMixing.othersKey]!, o1 = mixed.heldOut[AuthorMixing.othersKey]!
    let wellsBooks = alone.books.count, share = Double(wellsBooks) / Double(mixed.books.count)
    var notes: [String] = []

    // What goes right: the other styles.
    notes.append(String(
      format: "What goes right: on the other authors' held-out text, perplexity went from %.3f to %.3f (%@). %@",
      o0, o1, ExperimentSupport.change(from: o0, to: o1),
      o1 < o0 * (1 - tolerance)
        ? "More varied data generalises to more styles: the Wells-only model has never read a drawing-room dialogue or a play."
        : "Here the mix did not help the other authors much under this budget; more epochs or a larger model may be needed."))

    // What may go wrong: Wells under a fixed budget.
    let wellsVerdict: String
    if w1 > w0 * (1 + tolerance) {
      wellsVerdict = "Wells got worse: the mix spends capacity and updates on styles that do not help predict him."
    } else if w1 < w0 * (1 - tolerance) {
      wellsVerdict = "Wells even got better: English prose of the same century shares most of its spelling and grammar, "
        + "so the other books taught the model things Wells' text needs too."
    } else {
      wellsVerdict = "Wells stayed about the same: what the other authors teach roughly makes up for the Wells text given up."
    }
    notes.append(String(
      format: "What can go wrong: the budget is fixed, so in the mix Wells has only %.0f%% of the training tokens. "
        + "On held-out Wells, perplexity went from %.3f to %.3f (%@). %@",
      100 * share, w0, w1, ExperimentSupport.change(from: w0, to: w1), wellsVerdict))

    // The training perplexity: a mix is a harder distribution to fit.
    notes.append(String(
      format: "Training perplexity %.3f (Wells alone) vs %.3f (mix): %@",
      alone.trainPerplexity, mixed.trainPerplexity,
      mixed.trainPerplexity > alone.trainPerplexity
        ? "the mix is harder to fit; with the same capacity, the model averages over several voices."
        : "the mix was no harder to fit here."))

    // The hardest author, usually Shakespeare: format and orthography.
    let others = scores[1].indices.dropFirst(wellsBooks)
    if let hardest = others.max(by: { scores[1][$0].perplexity < scores[1][$1].perplexity }) {
      let p = scores[1][hardest].passage
      var text = String(
        format: "The hardest held-out text is %@ (%@): %.3f with the mix, %.3f from Wells alone.",
        p.author, p.title, scores[1][hardest].perplexity, scores[0][hardest].perplexity)
      if p.author == "Shakespeare" {
        text += " Plays are short lines of verse with a speaker's name before every speech, and words like thou and hath; "
          + "D2L's preprocessing drops capitals and punctuation and joins lines with nothing between them, "
          + "so a speaker's line \"ROMEO:\" turns into \"romeo\" glued to the words before and after it: "
          + "the play's format becomes noise in the text."
      }
      notes.append(text)
    }

    notes.append("Vocabulary: every book reduces to the same 28 characters (a-z, space, <unk>), so the vocabulary is shared and "
      + "nothing is unknown; differences in orthography (thee, connexion, shew) remain, as rarer letter sequences. "
      + "A word-level model would meet them as unknown words instead.")
    notes.append(styleNote)
    return notes
  }

  /// What the samples show, with the word each model repeats most (its loop comes from its data).
  private var styleNote: String {
    var text = "Style mixing: compare the samples. Greedy decoding always takes the likeliest next character, so both models "
      + "fall into loops"
    let favourites = settings.compactMap { s in Self.mostRepeatedWord(samples.filter { $0.setting == s.name }).map { (s.name, $0) } }
    if favourites.count == 2 {
      if favourites[0].1 == favourites[1].1 {
        text += ", and both loop on the same word, \"\(favourites[0].1)\": in the mix, with \(Int((100 * Double(settings[0].books.count) / Double(settings[1].books.count)).rounded()))% "
          + "of its text from Wells, his words still dominate"
      } else {
        text += ", but what they loop on comes from their data: the word they repeat most is \"\(favourites[0].1)\" (\(favourites[0].0)) "
          + "and \"\(favourites[1].1)\" (\(favourites[1].0))"
      }
    }
    return text + ". A model of several authors writes like none of them in particular: for Wells' voice, train on Wells "
      + "(or fine-tune on Wells after the mix); for English at large, mix."
  }

  /// The most frequent word of the samples' continuations that is not a short function word.
  public static func mostRepeatedWord(_ samples: [ExperimentReport.Sample]) -> String? {
    let common: Set<String> = ["the", "and", "a", "of", "to", "i", "in", "he", "it", "was", "that", "his", "her", "she", "had", "with"]
    var counts: [String: Int] = [:]
    for sample in samples {
      // Only the generated part, and not its last word, which may be cut.
      let words = sample.text.dropFirst(sample.prefix.count).split(separator: " ").dropLast().map(String.init)
      for word in words where !common.contains(word) && word.count > 1 { counts[word, default: 0] += 1 }
    }
    return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
  }
}
