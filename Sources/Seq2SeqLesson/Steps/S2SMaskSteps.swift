import D2L
import Foundation
import LessonEngine

/// The book's masking examples: a (2, 3) matrix with valid lengths 1 and 2, then ones (2, 3, 4)
/// filled with -1 past the valid lengths.
public enum S2SMaskStep: LessonStep {
  public static let id = "s2s-mask"
  public static var summary: String { tr("mask.summary") }
  public typealias Input = StepValues
  public typealias Output = Void

  public static func run(_ values: StepValues, _ out: StepOutput) {
    // ANCHOR: s2s-mask
    let X = Tensor(shape: [2, 3], [1, 2, 3, 4, 5, 6])
    let masked = X.sequenceMask(validLengths: [1, 2])
    let ones = Tensor.ones([2, 3, 4])
    let filled = ones.sequenceMask(validLengths: [1, 2], value: -1)
    // ANCHOR_END: s2s-mask
    out.say("  X.sequenceMask(validLengths: [1, 2]):")
    out.values(masked, digits: 0)
    out.say()
    out.say("  ones(2, 3, 4).sequenceMask(validLengths: [1, 2], value: -1):")
    for b in 0..<2 {
      out.say("    " + tr("mask.row", ["row": b, "valid": b + 1]))
      out.values(filled[b], digits: 0)
    }
  }
}

/// The book's check of the masked loss: three identical rows of equal scores, valid lengths 4,
/// 2 and 0; the first loss is twice the second and the third is zero.
public enum S2SMaskedLossStep: LessonStep {
  public static let id = "s2s-masked-loss"
  public static var summary: String { tr("loss.summary") }
  public typealias Input = StepValues

  /// The three losses.
  public typealias Output = [Float]

  public static func run(_ values: StepValues, _ out: StepOutput) -> [Float] {
    // ANCHOR: s2s-masked-loss
    let pred = Tensor.ones([3, 4, 10])  // equal scores for 10 words at 4 steps
    let labels = [Int32](repeating: 1, count: 3 * 4)
    let loss = pred.maskedSoftmaxCrossEntropy(labels: labels, validLengths: [4,
      2, 0])
    // ANCHOR_END: s2s-masked-loss
    let l = loss.scalars
    out.say("  loss: [" + l.map { String(format: "%.4f", $0) }.joined(separator: ", ") + "]")
    out.say("  " + tr("loss.reading", [
      "log": String(format: "%.4f", log(10.0)), "ratio": l[1] > 0 ? String(format: "%.2f", l[0] / l[1]) : "–",
    ]))
    return l
  }
}
