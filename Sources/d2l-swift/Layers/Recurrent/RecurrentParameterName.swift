/// The four tensors of one direction of one layer, under PyTorch's `state_dict` names:
/// `weight_ih_l{k}{suffix}`, with suffix `_reverse` for the reverse direction of a
/// bidirectional layer.
public enum RecurrentParameter: String, CaseIterable, Sendable {
  /// W_ih (G·H, input): the input's share of the gates.
  case weightIH = "weight_ih"
  /// W_hh (G·H, H): the previous state's share.
  case weightHH = "weight_hh"
  /// b_ih (G·H).
  case biasIH = "bias_ih"
  /// b_hh (G·H).
  case biasHH = "bias_hh"

  /// The name of this tensor for layer `layer` (from 0) and `direction`: `weight_ih_l0`,
  /// `bias_hh_l1_reverse`.
  public func name(layer: Int, direction: RecurrentDirection = .forward) -> String {
    "\(rawValue)_l\(layer)\(direction.suffix)"
  }
}

/// Which way a pass of a layer reads the sequence: PyTorch's forward, or the reverse pass of a
/// bidirectional layer.
public enum RecurrentDirection: Int, CaseIterable, Sendable {
  case forward = 0, reverse = 1

  /// What PyTorch appends to the direction's parameter names.
  public var suffix: String { self == .forward ? "" : "_reverse" }

  /// The directions a layer with `bidirectional` runs, in PyTorch's order.
  public static func of(bidirectional: Bool) -> [RecurrentDirection] { bidirectional ? [.forward, .reverse] : [.forward] }
}
