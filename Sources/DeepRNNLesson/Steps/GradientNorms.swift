import CourseKit
import D2L
import Foundation

/// How gradients fare across depth and time for one minibatch: ‖∂loss/∂H_t^(l)‖ for every
/// layer and step, and each layer's weight-gradient norm before and after clipping.
public struct GradientNorms {
  /// state[l][t]: ‖∂loss/∂H_t^(l)‖, the Frobenius norm over the batch and the hidden units.
  public var state: [[Double]]
  /// lastStep[l][t]: ‖∂ℓ_T/∂H_t^(l)‖ for the loss ℓ_T of the last step's predictions alone:
  /// how much of it reaches back to step t (every later step's own loss left out).
  public var lastStep: [[Double]]
  /// Per layer: ‖∂loss/∂(W_ih, W_hh, b_ih, b_hh of that layer)‖ before clipping.
  public var weightBefore: [Double]
  /// The same after clipping all gradients to a global norm of `clip`.
  public var weightAfter: [Double]
  /// The global norm over every parameter (output layer included), before clipping.
  public var globalNorm: Double
  public var clip: Double

  /// What clipping multiplied every gradient by: min(1, θ / ‖g‖).
  public var clipScale: Double { globalNorm > clip ? clip / globalNorm : 1 }

  /// Measures `model` on `batch` from a zero state, with the training loss (mean cross-entropy
  /// over T·B predictions). Leaves the model's gradients at zero.
  public static func measure(_ model: RNNModel, on batch: SequenceBatch, clip: Float) -> GradientNorms {
    // ∂loss/∂H_t^(l): from the layer-by-layer pass, through its probes.
    let recurrence = LayerwiseRecurrence(model: model)
    let (T, B) = (batch.numSteps, batch.batchSize)
    let pass = recurrence(timeMajorTokens: batch.timeMajorInputs, steps: T, batch: B)
    pass.logits.softmaxCrossEntropy(targets: batch.timeMajorTargets).backward()
    let state = pass.probes.map { layer in layer.map { norm([$0.gradient?.scalars ?? []]) } }
    // ∂ℓ_T/∂H_t^(l): a second pass, whose loss is the last step's B predictions only (rows (T−1)·B ..< T·B).
    let again = recurrence(timeMajorTokens: batch.timeMajorInputs, steps: T, batch: B)
    again.logits[((T - 1) * B)..<(T * B)].softmaxCrossEntropy(targets: Array(batch.timeMajorTargets[((T - 1) * B)...])).backward()
    let lastStep = again.probes.map { layer in layer.map { norm([$0.gradient?.scalars ?? []]) } }
    // The weight gradients: from the concise model itself, as training computes them.
    model.zeroGradients()
    let (logits, _) = model(batch, state: model.beginState(batchSize: batch.batchSize))
    logits.softmaxCrossEntropy(targets: batch.timeMajorTargets).backward()
    let before = layerNorms(model)
    let global = Double(Optimization.clipGradients(model.parameters, maxNorm: clip))
    let after = layerNorms(model)
    model.zeroGradients()
    return GradientNorms(state: state, lastStep: lastStep, weightBefore: before, weightAfter: after, globalNorm: global, clip: Double(clip))
  }

  /// Per layer l, the norm of the gradients of its four parameters together.
  public static func layerNorms(_ model: RNNModel) -> [Double] {
    (0..<model.numLayers).map { l in
      norm(["weight_ih", "weight_hh", "bias_ih", "bias_hh"].map { model.rnn.parameter(named: "\($0)_l\(l)")!.gradient?.scalars ?? [] })
    }
  }

  /// √(Σ x²) over all the arrays.
  public static func norm(_ arrays: [[Float]]) -> Double {
    arrays.reduce(0) { $0 + $1.reduce(0) { $0 + Double($1) * Double($1) } }.squareRoot()
  }

  /// `▁▂▃▅█`: one block per value, scaled to `top`.
  public static func sparkline(_ values: [Double], top: Double) -> String {
    let blocks = Array("▁▂▃▄▅▆▇█")
    return String(values.map { v in
      blocks[max(0, min(blocks.count - 1, Int((v / max(top, 1e-30)) * Double(blocks.count - 1) + 0.5)))]
    })
  }
}
