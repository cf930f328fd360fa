import D2L
import CourseKit
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

    // The other authors' text: better, worse or about the same, and the heading says which.
    let othersDirection = direction(from: o0, to: o1)
    notes.append(tr("discussion.others", [
      "heading": tr("discussion.heading.\(othersDirection)"), "a": Num.fixed(o0, 3), "b": Num.fixed(o1, 3),
      "change": Num.change(from: o0, to: o1), "verdict": tr("discussion.others.\(othersDirection)"),
    ]))

    // Wells under a fixed budget: the risk, and what happened to him.
    let wellsDirection = direction(from: w0, to: w1)
    notes.append(tr("discussion.wells", [
      "heading": tr("discussion.heading.\(wellsDirection)"), "share": Num.percent(share), "a": Num.fixed(w0, 3),
      "b": Num.fixed(w1, 3), "change": Num.change(from: w0, to: w1), "verdict": tr("discussion.wells.\(wellsDirection)"),
    ]))

    // The training perplexity: a mix is a harder distribution to fit.
    notes.append(tr("discussion.training", [
      "alone": Num.fixed(alone.trainPerplexity, 3), "mixed": Num.fixed(mixed.trainPerplexity, 3),
      "verdict": tr(mixed.trainPerplexity > alone.trainPerplexity ? "discussion.training.harder" : "discussion.training.notHarder"),
    ]))

    // The hardest author, usually Shakespeare: format and orthography.
    let others = scores[1].indices.dropFirst(wellsBooks)
    if let hardest = others.max(by: { scores[1][$0].perplexity < scores[1][$1].perplexity }) {
      let p = scores[1][hardest].passage
      var text = tr("discussion.hardest", [
        "author": p.author, "title": p.title, "mixed": Num.fixed(scores[1][hardest].perplexity, 3),
        "alone": Num.fixed(scores[0][hardest].perplexity, 3),
      ])
      if p.author == "Shakespeare" { text += " " + tr("discussion.shakespeare") }
      notes.append(text)
    }

    notes.append(tr("discussion.vocabulary"))
    notes.append(styleNote)
    return notes
  }

  /// `better`, `worse` or `same`: the direction of a perplexity's change, read from the
  /// numbers (lower is better), within `tolerance`.
  private func direction(from a: Double, to b: Double) -> String {
    b < a * (1 - tolerance) ? "better" : b > a * (1 + tolerance) ? "worse" : "same"
  }

  /// What the samples show, with the word each model repeats most (its loop comes from its data).
  private var styleNote: String {
    var loops = ""
    let favourites = settings.compactMap { s in Self.mostRepeatedWord(samples.filter { $0.setting == s.name }).map { (s.name, $0) } }
    if favourites.count == 2 {
      if favourites[0].1 == favourites[1].1 {
        loops = tr("discussion.style.sameWord", [
          "word": favourites[0].1,
          "share": Num.percent(Double(settings[0].books.count) / Double(settings[1].books.count)),
        ])
      } else {
        loops = tr("discussion.style.ownWords", [
          "first": favourites[0].1, "firstName": favourites[0].0, "second": favourites[1].1, "secondName": favourites[1].0,
        ])
      }
    }
    return tr("discussion.style", ["loops": loops])
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
