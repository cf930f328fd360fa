import CourseKit
import D2L
import LessonEngine

/// The concise `GRU` holding the trained scratch cell's weights, on a minibatch of the book:
/// with the section's equation the two differ (PyTorch, like cuDNN, resets the product
/// H W_hh, not H); with the reset on the product they agree to rounding.
public enum GRUConciseAgreesStep: TrainedScratchReader {
  public typealias Training = GRUScratchTrainStep
  public typealias Input = TrainedScratch<GRUScratch>
  public static let id = "gru-concise-agrees"
  public static var summary: String { tr("agrees.summary") }

  /// The largest differences from the concise layer: the section's cell, and the cell with the
  /// reset gate on the product.
  public struct Output {
    public let book, resetOnProduct: Float

    public init(book: Float, resetOnProduct: Float) {
      self.book = book
      self.resetOnProduct = resetOnProduct
    }
  }

  public static func run(_ input: TrainedScratch<GRUScratch>, _ out: StepOutput) throws -> Output {
    let (gru, vocab) = (input.cell, input.vocab)
    let X = try ConciseAgreement.bookMinibatch(vocab: vocab)  // (T, B, V)
    // ANCHOR: gru-concise-agrees
    var generator = RandomGenerator(seed: 0)
    let concise = GRU(
      inputSize: vocab.count, hiddenSize: gru.numHiddens, using: &generator)
    gru.copyWeights(to: concise)  // weight_ih_l0 = [W_xr W_xz W_xh]ᵀ, …
    let (conciseH, _) = withoutGradients { concise(X) }  // (T, B, H)
    let bookH = withoutGradients { Tensor.stack(gru(X).outputs) }
    let pyTorchGRU = GRUScratch(sharing: gru, resetPlacement: .afterProduct)
    let productH = withoutGradients { Tensor.stack(pyTorchGRU(X).outputs) }
    // ANCHOR_END: gru-concise-agrees
    let largest = ConciseAgreement.largestDifference
    let differences = Output(book: largest(bookH, conciseH), resetOnProduct: largest(productH, conciseH))
    out.shape("H", conciseH.shape, [tr("axis.steps"), tr("axis.batch"), tr("axis.hidden")])
    out.say("  " + tr("agrees.book", ["difference": Num.scientific(Double(differences.book), 1)]))
    out.equation("H̃ₜ = tanh(Xₜ \(Scripts.W("xh")) + (Rₜ ⊙ Hₜ₋₁) \(Scripts.W("hh")) + b_h)")
    out.say("  " + tr("agrees.product", ["difference": Num.scientific(Double(differences.resetOnProduct), 1)]))
    out.equation("H̃ₜ = tanh(Xₜ \(Scripts.W("xh")) + b_h + Rₜ ⊙ (Hₜ₋₁ \(Scripts.W("hh"))))")
    return differences
  }
}
