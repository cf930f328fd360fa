/// A lesson checked against the step registry and the command line's `--set` overrides: every
/// step exists, every parameter is declared, has a default and a valid value. Problems are
/// `LessonError`s (`FILE:LINE: reason`) found before anything runs.
public struct LessonPlan {
  public struct Entry {
    public let step: StepDirective
    public let definition: StepDefinition
    public let values: StepValues
  }

  public let document: LessonDocument
  public let entries: [Entry]
  /// The steps the lesson's directives may name.
  public let catalog: StepCatalog
  /// The command line's `--set name=value` overrides, as given.
  public let overrides: [String]

  /// - Parameters:
  ///   - catalog: the lesson's steps.
  ///   - overrides: `name=value` strings from `--set`.
  public init(document: LessonDocument, catalog: StepCatalog, overrides: [String] = []) throws {
    let file = document.file
    var overriding: [String: String] = [:]
    for text in overrides {
      guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
        throw LessonError(file: file, line: nil, reason: tr("plan.setSyntax", ["text": text]))
      }
      overriding[String(text[..<eq])] = String(text[text.index(after: eq)...])
    }
    var used = Set<String>()
    var entries: [Entry] = []
    for step in document.steps {
      guard let definition = catalog.definition(step.id) else {
        let known = catalog.all.map(\.id).joined(separator: ", ")
        throw LessonError(file: file, line: step.line, reason: tr("plan.unknownStep", ["id": step.id, "known": known]))
      }
      var values: [String: String] = [:]
      for (name, value) in step.parameters {
        guard let parameter = definition.parameters.first(where: { $0.name == name }) else {
          let known = definition.parameters.map(\.name).joined(separator: ", ")
          throw LessonError(file: file, line: step.line, reason: tr("plan.noParameter", ["id": step.id, "name": name, "known": known.isEmpty ? tr("plan.none") : known]))
        }
        if let problem = parameter.problem(with: value) {
          throw LessonError(file: file, line: step.line, reason: "step '\(step.id)': \(problem)")
        }
        values[name] = value
      }
      for parameter in definition.parameters {
        if let value = overriding[parameter.name] {
          if let problem = parameter.problem(with: value) {
            throw LessonError(file: file, line: step.line, reason: tr("plan.badSet", ["name": parameter.name, "value": value, "id": step.id, "problem": problem]))
          }
          values[parameter.name] = value
          used.insert(parameter.name)
        }
        guard values[parameter.name] != nil else {
          throw LessonError(file: file, line: step.line, reason: "step '\(step.id)' needs a default for parameter '\(parameter.name)' (\(parameter.help))")
        }
      }
      entries.append(Entry(step: step, definition: definition, values: StepValues(values)))
    }
    if let unused = overriding.keys.sorted().first(where: { !used.contains($0) }) {
      let names = Set(entries.flatMap { $0.definition.parameters.map(\.name) }).sorted()
      throw LessonError(
        file: file, line: nil,
        reason: tr("plan.unusedSet", ["name": unused, "suggestion": NameSuggestion.note(unused, among: names)]))
    }
    self.document = document
    self.entries = entries
    self.catalog = catalog
    self.overrides = overrides
  }

  /// The entries to run for `--step id`: its prerequisites (transitively, in lesson order), then it.
  public func entries(upTo id: String) throws -> [Entry] {
    guard entries.contains(where: { $0.step.id == id }) else {
      let ids = entries.map(\.step.id)
      throw LessonError(
        file: document.file, line: nil,
        reason: tr("plan.noStep", ["id": id, "suggestion": NameSuggestion.note(id, among: ids), "steps": ids.joined(separator: ", ")]))
    }
    var needed: Set<String> = [id]
    var frontier = [id]
    while let next = frontier.popLast() {
      for r in catalog.definition(next)?.requires ?? [] where needed.insert(r).inserted { frontier.append(r) }
    }
    return entries.filter { needed.contains($0.step.id) }
  }
}
