#!/bin/sh
# Prints every line of the shared targets that names a lesson, for any lesson the course has:
# the module stems of Package.swift's `lessons` list (DeepRNN, BiRNN, …) and the lesson names
# (the files lessons/NAME.md). Sources/Lessons/Course.swift, the course's one list, is the only
# place allowed to. Nothing printed (and exit 0) means the shared targets know no lesson.
cd "$(dirname "$0")/.." || exit 2
stems=$(sed -n 's/^ *LessonFolder("\([A-Za-z0-9]*\)".*/\1/p' Package.swift)
names=$(for f in lessons/*.md; do basename "$f" .md; done)
pattern=$(printf '%s\n' $stems $names | paste -sd'|' -)
found=$(grep -rnE "$pattern" Sources/LessonEngine Sources/CourseKit Sources/Localization Sources/ExerciseChecks Sources/Lessons \
  | grep -v '^Sources/Lessons/Course.swift:')
[ -z "$found" ] && exit 0
echo "$found"
exit 1
