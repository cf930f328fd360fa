// The one localization mechanism (`Language`, `StringTable`, `Num`) is its own target, so that
// the exercise checker, which the learner's package builds without the engine, uses it too.
// Whoever imports the engine has it.
@_exported import Localization
