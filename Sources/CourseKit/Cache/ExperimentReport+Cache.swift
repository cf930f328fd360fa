import LessonEngine

/// An experiment's report is data (its settings, curves and held-out numbers): kept as JSON.
extension ExperimentReport: JSONCachableOutput {}
