extension LessonRunner {
  /// `lessons outline`: every step with its state before a walk (not run, or what the cache
  /// holds for it as things stand, with the time it took), one line each.
  public func outline() -> [String] {
    Walk(runner: self).outline()
  }
}
