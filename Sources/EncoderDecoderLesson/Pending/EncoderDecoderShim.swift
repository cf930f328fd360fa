// INCOMPLETE MARKER: a stand-in for the encoder–decoder protocol and the Embedding layer that
// branch i31 is adding to the library, so that these lessons build and run before it lands. It
// is deleted when i31 is merged.
import D2L

/// A minibatch of token indices, (batch, steps), row by row.
public struct TokenBatch {
  public let indices: [Int]
  public let batch, steps: Int

  public init(_ indices: [Int], batch: Int, steps: Int) {
    precondition(indices.count == batch * steps, "TokenBatch: \(indices.count) indices do not fill (\(batch), \(steps))")
    (self.indices, self.batch, self.steps) = (indices, batch, steps)
  }

  public var shape: [Int] { [batch, steps] }
}

/// The encoder of the encoder–decoder architecture: source tokens in, whatever it encodes out.
public protocol Encoder: Module {
  associatedtype Output
  func callAsFunction(_ X: TokenBatch, validLength: [Int]?) -> Output
}

/// The decoder: its state from the encoder's output, then target tokens and the state in,
/// scores (batch, steps, vocab) and the new state out.
public protocol Decoder: Module {
  associatedtype EncoderOutput
  associatedtype State
  func initState(_ encoderOutput: EncoderOutput, validLength: [Int]?) -> State
  func callAsFunction(_ X: TokenBatch, state: State) -> (output: Tensor, state: State)
}

/// An encoder and a decoder, called in order.
public final class EncoderDecoder<E: Encoder, D: Decoder>: Module where D.EncoderOutput == E.Output {
  public let encoder: E
  public let decoder: D

  public init(encoder: E, decoder: D) {
    (self.encoder, self.decoder) = (encoder, decoder)
  }

  public func callAsFunction(_ encX: TokenBatch, _ decX: TokenBatch, validLength: [Int]?) -> (output: Tensor, state: D.State) {
    let encoderOutput = encoder(encX, validLength: validLength)
    let state = decoder.initState(encoderOutput, validLength: validLength)
    return decoder(decX, state: state)
  }

  public var namedParameters: [(name: String, tensor: Tensor)] {
    encoder.namedParameters.map { ("encoder." + $0.name, $0.tensor) } + decoder.namedParameters.map { ("decoder." + $0.name, $0.tensor) }
  }
}

/// A lookup table of `vocabSize` vectors of `embedSize` numbers, N(0, 1) as PyTorch's.
public final class Embedding: Module {
  public let weight: Tensor

  public init(vocabSize: Int, embedSize: Int, using generator: inout RandomGenerator) {
    weight = Tensor.normal([vocabSize, embedSize], using: &generator).requiringGradient()
  }

  /// (batch, steps) indices → (batch, steps, embedSize): row i of the table for index i.
  public func callAsFunction(_ X: TokenBatch) -> Tensor {
    let (vocab, embed) = (weight.shape[0], weight.shape[1])
    let oneHot = Tensor.oneHot(X.indices, depth: vocab)  // (batch·steps, vocab)
    return oneHot.matmul(weight).reshaped([X.batch, X.steps, embed])
  }

  public var namedParameters: [(name: String, tensor: Tensor)] { [("weight", weight)] }
}
