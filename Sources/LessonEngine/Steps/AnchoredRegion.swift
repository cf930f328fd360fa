/// The code between `// ANCHOR: id` and `// ANCHOR_END: id`, dedented, as the lesson shows it
/// (mdBook's anchors).
public enum AnchoredRegion {
  public static func code(_ id: String, in text: String) -> String? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let begin = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "// ANCHOR: \(id)" }),
          let end = lines[begin...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "// ANCHOR_END: \(id)" })
    else { return nil }
    let region = lines[(begin + 1)..<end]
    let indent = region.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
    return region.map { String($0.dropFirst(min(indent, $0.prefix { $0 == " " }.count))) }.joined(separator: "\n")
  }
}
