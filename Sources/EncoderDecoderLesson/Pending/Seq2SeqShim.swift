// INCOMPLETE MARKER: a stand-in for the seq2seq library of branch i31 (the RNN encoder and
import MachineTranslationLesson
// decoder with dropout, masking and the masked loss, Adam, Xavier, greedy prediction, BLEU), so
// that the lessons build and run before it lands. It is deleted when i31 is merged.
import D2L
import Foundation

/// Recurrent layers stacked one by one, so that dropout can act between them (training only,
/// not after the last layer, as PyTorch's `dropout=`). State: hidden (L, B, H) and, for an
/// LSTM, cell (L, B, H).
public final class StackedRecurrent: Module {
  public let layers: [RecurrentLayer]
  public let dropout: Float
  public var training = true
  var generator: RandomGenerator

  public init(kind: CellKind, inputSize: Int, hiddenSize: Int, numLayers: Int, dropout: Float, using g: inout RandomGenerator) {
    layers = (0..<numLayers).map { l in
      RecurrentLayer(kind: kind, inputSize: l == 0 ? inputSize : hiddenSize, hiddenSize: hiddenSize, using: &g)
    }
    self.dropout = dropout
    generator = RandomGenerator(seed: g.next())
  }

  public var kind: CellKind { layers[0].kind }
  public var hiddenSize: Int { layers[0].hiddenSize }

  public func callAsFunction(_ x: Tensor, state: RecurrentState? = nil) -> (output: Tensor, state: RecurrentState) {
    var input = x
    var hidden: [Tensor] = [], cell: [Tensor] = []
    for (l, layer) in layers.enumerated() {
      let layerState = state.map {
        RecurrentState(hidden: $0.hidden[l..<(l + 1)], cell: $0.cell.map { $0[l..<(l + 1)] })
      }
      let (output, final) = layer(input, state: layerState)
      hidden.append(final.hidden)
      if let c = final.cell { cell.append(c) }
      input = training && dropout > 0 && l < layers.count - 1 ? drop(output) : output
    }
    return (input, RecurrentState(hidden: Tensor.concatenate(hidden), cell: cell.isEmpty ? nil : Tensor.concatenate(cell)))
  }

  func drop(_ x: Tensor) -> Tensor {
    let keep = 1 - dropout
    let mask = (0..<x.count).map { _ in generator.nextUniform() < keep ? 1 / keep : 0 }
    return x * Tensor(shape: x.shape, mask)
  }

  public var namedParameters: [(name: String, tensor: Tensor)] {
    layers.enumerated().flatMap { l, layer in
      layer.namedParameters.map { ($0.name.replacingOccurrences(of: "_l0", with: "_l\(l)"), $0.tensor) }
    }
  }
}

/// The book's `Seq2SeqEncoder`: an embedding under a multi-layer recurrent network.
public final class Seq2SeqEncoder: Encoder {
  public let embedding: Embedding
  public let rnn: StackedRecurrent

  public init(vocabSize: Int, embedSize: Int, numHiddens: Int, numLayers: Int, dropout: Float = 0,
              cell: CellKind = .gru, using g: inout RandomGenerator) {
    embedding = Embedding(vocabSize: vocabSize, embedSize: embedSize, using: &g)
    rnn = StackedRecurrent(kind: cell, inputSize: embedSize, hiddenSize: numHiddens, numLayers: numLayers, dropout: dropout, using: &g)
  }

  /// outputs (steps, batch, hidden): the top layer at every step; state: every layer's last.
  public func callAsFunction(_ X: TokenBatch, validLength: [Int]? = nil) -> (outputs: Tensor, state: RecurrentState) {
    let embedded = embedding(X).swappingLeadingAxes()  // (steps, batch, embed)
    let (outputs, state) = rnn(embedded)
    return (outputs, state)
  }

  public var namedParameters: [(name: String, tensor: Tensor)] {
    embedding.namedParameters.map { ("embedding." + $0.name, $0.tensor) } + rnn.namedParameters.map { ("rnn." + $0.name, $0.tensor) }
  }
}

/// The book's `Seq2SeqDecoder`: the encoder's final state as its first state, the context (the
/// encoder's top layer) concatenated to every embedded input, a dense layer to the vocabulary.
public final class Seq2SeqDecoder: Decoder {
  public let embedding: Embedding
  public let rnn: StackedRecurrent
  public let dense: Linear

  public init(vocabSize: Int, embedSize: Int, numHiddens: Int, numLayers: Int, dropout: Float = 0,
              cell: CellKind = .gru, using g: inout RandomGenerator) {
    embedding = Embedding(vocabSize: vocabSize, embedSize: embedSize, using: &g)
    rnn = StackedRecurrent(kind: cell, inputSize: embedSize + numHiddens, hiddenSize: numHiddens, numLayers: numLayers, dropout: dropout, using: &g)
    dense = Linear(inputSize: numHiddens, outputSize: vocabSize, using: &g)
  }

  public func initState(_ encoderOutput: (outputs: Tensor, state: RecurrentState), validLength: [Int]? = nil) -> RecurrentState {
    encoderOutput.state
  }

  public func callAsFunction(_ X: TokenBatch, state: RecurrentState) -> (output: Tensor, state: RecurrentState) {
    let embedded = embedding(X).swappingLeadingAxes()  // (steps, batch, embed)
    let top = state.hidden[state.hidden.shape[0] - 1]  // (batch, hidden)
    let context = Tensor.stack(Array(repeating: top, count: X.steps))  // (steps, batch, hidden)
    let (outputs, newState) = rnn(Tensor.concatenate([embedded, context], alongAxis: 2), state: state)
    let (steps, batch, hidden) = (outputs.shape[0], outputs.shape[1], outputs.shape[2])
    let scores = dense(outputs.reshaped([steps * batch, hidden])).reshaped([steps, batch, -1])
    return (scores.swappingLeadingAxes(), newState)  // (batch, steps, vocab)
  }

  public var namedParameters: [(name: String, tensor: Tensor)] {
    embedding.namedParameters.map { ("embedding." + $0.name, $0.tensor) } + rnn.namedParameters.map { ("rnn." + $0.name, $0.tensor) }
      + dense.namedParameters.map { ("dense." + $0.name, $0.tensor) }
  }
}

/// `X` (batch, steps, …) with the entries at steps t ≥ validLength[i] of row i set to `value`.
public func sequenceMask(_ X: Tensor, validLength: [Int], value: Float = 0) -> Tensor {
  let (batch, steps) = (X.shape[0], X.shape[1])
  let inner = X.count / max(batch * steps, 1)
  var keep = [Float](repeating: 0, count: X.count)
  for i in 0..<batch { for t in 0..<min(validLength[i], steps) { for k in 0..<inner { keep[(i * steps + t) * inner + k] = 1 } } }
  let mask = Tensor(shape: X.shape, keep)
  return X * mask + (Tensor.ones(X.shape) - mask) * value
}

/// Cross-entropy of every position: pred (batch, steps, vocab), labels batch·steps → (batch, steps).
public func softmaxCrossEntropies(_ pred: Tensor, labels: [Int]) -> Tensor {
  let (batch, steps, vocab) = (pred.shape[0], pred.shape[1], pred.shape[2])
  let values = pred.scalars
  let shift = Tensor(shape: [batch, steps, 1], (0..<(batch * steps)).map { r in values[(r * vocab)..<((r + 1) * vocab)].max()! })
  let shifted = pred - shift
  let logProbabilities = shifted - shifted.exp().sum(alongAxis: 2, keepingAxis: true).log()
  return -(logProbabilities * Tensor.oneHot(labels, shape: [batch, steps], depth: vocab)).sum(alongAxis: 2)
}

/// The book's `MaskedSoftmaxCELoss`: each sequence's masked cross-entropies averaged over all
/// steps, → (batch).
public struct MaskedSoftmaxCELoss {
  public init() {}

  public func callAsFunction(_ pred: Tensor, _ labels: [Int], _ validLength: [Int]) -> Tensor {
    let weights = sequenceMask(Tensor.ones([pred.shape[0], pred.shape[1]]), validLength: validLength)
    return (softmaxCrossEntropies(pred, labels: labels) * weights).mean(alongAxis: 1)
  }
}

/// Adam with PyTorch's defaults (β 0.9, 0.999, ε 1e-8).
public final class Adam {
  public let parameters: [Tensor]
  public var learningRate: Float
  var m: [[Float]], v: [[Float]]
  var t = 0

  public init(_ parameters: [Tensor], learningRate: Float) {
    self.parameters = parameters
    self.learningRate = learningRate
    m = parameters.map { [Float](repeating: 0, count: $0.count) }
    v = m
  }

  public func step() {
    t += 1
    let (b1, b2, eps) = (Float(0.9), Float(0.999), Float(1e-8))
    let c1 = 1 - pow(b1, Float(t)), c2 = 1 - pow(b2, Float(t))
    for (k, p) in parameters.enumerated() {
      guard let g = p.gradient else { continue }
      let gb = g.storage.base, pb = p.storage.base
      for i in 0..<p.count {
        m[k][i] = b1 * m[k][i] + (1 - b1) * gb[i]
        v[k][i] = b2 * v[k][i] + (1 - b2) * gb[i] * gb[i]
        pb[i] -= learningRate * (m[k][i] / c1) / ((v[k][i] / c2).squareRoot() + eps)
      }
    }
  }
}

/// Xavier (Glorot) uniform: U(-a, a), a = √(6 / (fan_in + fan_out)), for a (fan_out, fan_in) weight.
public func xavierUniform(_ weight: Tensor, using g: inout RandomGenerator) {
  let a = (6 / Float(weight.shape[0] + weight.shape[1])).squareRoot()
  weight.assign(Tensor.uniform(weight.shape, low: -a, high: a, using: &g))
}

/// Greedy translation of one sentence: the decoder fed its own best word, up to `numSteps`
/// words or `<eos>`.
public func predictSeq2Seq(
  encoder: Seq2SeqEncoder, decoder: Seq2SeqDecoder, sentence: String, srcVocab: Vocab, tgtVocab: Vocab, numSteps: Int
) -> String {
  encoder.rnn.training = false
  decoder.rnn.training = false
  defer { encoder.rnn.training = true; decoder.rnn.training = true }
  return withoutGradients {
    let tokens = srcVocab.indices(of: sentence.lowercased().split(separator: " ", omittingEmptySubsequences: false).map(String.init)) + [srcVocab["<eos>"]]
    let validLength = [tokens.count]
    let X = TokenBatch(truncatePad(tokens, numSteps: numSteps, paddingToken: srcVocab["<pad>"]), batch: 1, steps: numSteps)
    var state = decoder.initState(encoder(X, validLength: validLength), validLength: validLength)
    var next = tgtVocab["<bos>"]
    var out: [Int] = []
    for _ in 0..<numSteps {
      let (Y, s) = decoder(TokenBatch([next], batch: 1, steps: 1), state: state)
      state = s
      next = Y.reshaped([1, Y.count]).argmax()[0]
      if next == tgtVocab["<eos>"] { break }
      out.append(next)
    }
    return tgtVocab.tokens(for: out).joined(separator: " ")
  }
}

/// The book's BLEU: brevity penalty times Π p_n^(1/2^n), n = 1 … k.
public func bleu(_ predSeq: String, _ labelSeq: String, k: Int) -> Double {
  let pred = predSeq.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
  let label = labelSeq.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
  var score = exp(min(0, 1 - Double(label.count) / Double(pred.count)))
  for n in 1...k {
    var matches = 0
    var subs: [String: Int] = [:]
    if label.count >= n { for i in 0...(label.count - n) { subs[label[i..<(i + n)].joined(separator: " "), default: 0] += 1 } }
    if pred.count >= n {
      for i in 0...(pred.count - n) {
        let gram = pred[i..<(i + n)].joined(separator: " ")
        if let c = subs[gram], c > 0 { matches += 1; subs[gram] = c - 1 }
      }
    }
    score *= pow(Double(matches) / Double(pred.count - n + 1), pow(0.5, Double(n)))
  }
  return score
}
