import Foundation

/// A run's predictions as a cached model keeps them in its metadata: a JSON list of
/// [prefix, text] pairs (the concise and the scratch models' cache files share the form).
enum CachedPredictions {
  static func encode(_ predictions: [(prefix: String, text: String)]) throws -> String {
    String(decoding: try JSONEncoder().encode(predictions.map { [$0.prefix, $0.text] }), as: UTF8.self)
  }

  /// The pairs, or nil when `json` is not such a list.
  static func decode(_ json: String?) -> [(prefix: String, text: String)]? {
    guard let json, let pairs = try? JSONDecoder().decode([[String]].self, from: Data(json.utf8)),
      pairs.allSatisfy({ $0.count == 2 })
    else { return nil }
    return pairs.map { ($0[0], $0[1]) }
  }
}
