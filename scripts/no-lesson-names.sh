#!/bin/sh
# Prints every line of the shared targets that names a lesson, for any lesson the course has:
# the module stems of Package.swift's `lessons` list as modules (DeepRNNLesson, BiRNNChecks,
# GRUStrings, …) and the lesson names (the files lessons/NAME.md) as a learner or a lesson
# refers to them ("deep-rnn", `lessons run gru`, gru:4, --lesson lstm, lessons/gru.md, the
# deep-rnn lesson). A lesson may be named after a cell (gru, lstm), so the bare word, which the
# library's CellKind and its docs use, does not count. Sources/Lessons/Course.swift, the course's
# one list, is the only place allowed to. Nothing printed (and exit 0) means the shared targets
# know no lesson.
cd "$(dirname "$0")/.." || exit 2
stems=$(sed -n 's/^ *LessonFolder("\([A-Za-z0-9]*\)".*/\1/p' Package.swift | paste -sd'|' -)
names=$(for f in lessons/*.md; do basename "$f" .md; done | paste -sd'|' -)
modules="($stems)(Lesson|Checks|Strings|Exercise[0-9]*)"
uses="\"($names)\"|\`($names)\`|run ($names)\b|($names):[0-9]|--lesson ($names)|lessons/(vi/)?($names)\.md|($names) lesson"
hyphenated=$(for f in lessons/*.md; do basename "$f" .md; done | grep -- - | paste -sd'|' -)
pattern="$modules|$uses${hyphenated:+|\\b($hyphenated)\\b}"
found=$(grep -rnE "$pattern" Sources/LessonEngine Sources/CourseKit Sources/Localization Sources/ExerciseChecks Sources/Lessons \
  | grep -v '^Sources/Lessons/Course.swift:')
[ -z "$found" ] && exit 0
echo "$found"
exit 1
