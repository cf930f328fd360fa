import Foundation

/// D2L's `bleu(pred_seq, label_seq, k)`: exp(min(0, 1 − len_label/len_pred)) · Π_{n=1…k} p_n^(1/2ⁿ),
/// where p_n is the share of the prediction's n-grams found in the label (each label n-gram
/// matched at most as often as it occurs). Sequences are split at single spaces, as the book.
///
/// Where the book's code divides by zero (a prediction shorter than n tokens has no n-grams),
/// p_n is taken as 0, so the score is 0.
public func bleu(_ prediction: String, _ label: String, k: Int) -> Double {
  let pred = prediction.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
  let labels = label.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
  var score = exp(min(0, 1 - Double(labels.count) / Double(pred.count)))
  guard k >= 1 else { return score }
  for n in 1...k {
    var labelGrams: [String: Int] = [:]
    if labels.count >= n { for i in 0...(labels.count - n) { labelGrams[labels[i..<(i + n)].joined(separator: " "), default: 0] += 1 } }
    guard pred.count >= n else { return 0 }
    var matches = 0
    for i in 0...(pred.count - n) {
      let gram = pred[i..<(i + n)].joined(separator: " ")
      if let c = labelGrams[gram], c > 0 {
        matches += 1
        labelGrams[gram] = c - 1
      }
    }
    score *= pow(Double(matches) / Double(pred.count - n + 1), pow(0.5, Double(n)))
  }
  return score
}
