extension SafeTensorsFile {
  /// Copies the file's tensors into a model's `parameters`, by name: each must be present, of
  /// the parameter's shape and finite, and the file may hold no tensor the model lacks (except
  /// under `ignoredPrefix`). `model` names the model in messages ("a 1-layer LSTM …"); `sizes`
  /// adds what its shapes follow from ("with hidden 4 and vocabulary 28").
  func load(
    into parameters: [(name: String, tensor: Tensor)], model: String, sizes: String, ignoredPrefix: String? = nil,
    fail: (String) -> SafeTensorsError
  ) throws {
    let expected = Set(parameters.map(\.name))
    for name in entries.keys.sorted() where !expected.contains(name) && !(ignoredPrefix.map { name.hasPrefix($0) } ?? false) {
      throw fail("unexpected tensor '\(name)' for a \(model) model")
    }
    for (name, parameter) in parameters {
      guard let entry = entries[name] else { throw fail("missing tensor '\(name)'") }
      guard entry.shape == parameter.shape else {
        throw fail("tensor '\(name)' is \(entry.shape), a \(model) \(sizes) needs \(parameter.shape)")
      }
      let value = try tensor(name)
      if let bad = value.scalars.firstIndex(where: { !$0.isFinite }) {
        throw fail("tensor '\(name)' holds \(value.scalars[bad]) at index \(bad): the weights are not finite")
      }
      parameter.assign(value)
    }
  }
}
