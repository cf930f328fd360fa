extension PrefixTableModel {
  /// The worked example of the book's section on beam search (its figures `s2s-prob1` and
  /// `s2s-prob2`): tokens A, B, C, <eos>, and P(next) after the prefixes the two figures draw.
  /// Greedy search follows A, B, C, <eos> (0.5 × 0.4 × 0.4 × 0.6 = 0.048); the second figure
  /// takes C at step 2 and reaches A, C, B, <eos> (0.5 × 0.3 × 0.6 × 0.6 = 0.054).
  ///
  /// The book draws no other prefix, so every other prefix gets the uniform distribution
  /// (0.25 each): what a model that knows nothing more would say.
  public static let bookExample: PrefixTableModel = {
    let (a, b, c) = (0, 1, 2)
    return PrefixTableModel(
      tokens: ["A", "B", "C", "<eos>"],
      table: [
        []: [0.5, 0.2, 0.2, 0.1],  // both figures, step 1
        [a]: [0.1, 0.4, 0.3, 0.2],  // both figures, step 2
        [a, b]: [0.2, 0.2, 0.4, 0.2],  // first figure, step 3
        [a, b, c]: [0.0, 0.2, 0.2, 0.6],  // first figure, step 4
        [a, c]: [0.1, 0.6, 0.2, 0.1],  // second figure, step 3
        [a, c, b]: [0.1, 0.2, 0.1, 0.6],  // second figure, step 4
      ],
      otherwise: [0.25, 0.25, 0.25, 0.25])
  }()

  /// The example's <eos>.
  public static let bookExampleEOS = 3
}
