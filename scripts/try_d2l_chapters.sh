#!/usr/bin/env bash
# Opens every Markdown file under DIR (a checkout of d2l-en or d2l-vi, or one chapter of it)
# in the walk, as a reader would, and reports per file what issue 22 asks of D2L's own files:
#
#   status  the exit status of `lessons run FILE --no-color </dev/null`
#   latex   lines of output outside code blocks that hold a raw LaTeX command (\name)
#   roles   lines that hold :label: :numref: :eqref: :cite: text
#   tabs    lines that hold a #@tab or %%tab marker
#   fw      frameworks whose d2l is imported in the code shown (`from d2l import torch as
#           d2l`): more than 1 means two frameworks' code
#   warn    warnings listed at the end of the walk (references outside the file, LaTeX left
#           as source)
#
# Usage: scripts/try_d2l_chapters.sh DIR [extra lessons-run options, e.g. --tab mxnet]
# Environment: LESSONS (the binary; default .build/release/lessons, else .build/debug/lessons),
#              VERBOSE=1 prints the offending lines.
set -u
dir=${1:?usage: $0 DIR [lessons run options]}
shift
root=$(cd "$(dirname "$0")/.." && pwd)
lessons=${LESSONS:-}
if [ -z "$lessons" ]; then
  for candidate in "$root/.build/release/lessons" "$root/.build/debug/lessons"; do
    [ -x "$candidate" ] && { lessons=$candidate; break; }
  done
fi
[ -x "${lessons:-}" ] || { echo "no lessons binary: swift build --product lessons" >&2; exit 2; }

out=$(mktemp); err=$(mktemp); prose=$(mktemp)
trap 'rm -f "$out" "$err" "$prose"' EXIT
files=0; failed=0; latex_files=0; role_files=0; tab_files=0; mixed_files=0; warned_files=0
printf '%-6s %-5s %-5s %-4s %-3s %-4s %s\n' status latex roles tabs fw warn file
while IFS= read -r file; do
  files=$((files + 1))
  timeout 60 "$lessons" run "$file" --no-color "$@" </dev/null >"$out" 2>"$err"
  status=$?
  # Code blocks and display equations are indented by the renderer; LaTeX in Python strings
  # is code, not math, and an equation the renderer cannot read is marked ⟦LaTeX: …⟧.
  awk '/^    / && !/⟦LaTeX:/ { next } { print }' "$out" >"$prose"
  latex=$(grep -cE '\\[a-zA-Z]+' "$prose")
  # Outside code spans (`…` without colour): a page that explains the markers quotes them.
  roles=$(sed 's/`[^`]*`//g' "$out" | grep -cE ':(label|numref|eqref|cite|citet|eqlabel|width|ref):')
  tabs=$(sed 's/`[^`]*`//g' "$out" | grep -cE '#@tab|%%tab|#@save')
  fw=$(grep -oE '^    from d2l import (mxnet|torch|tensorflow|jax) as d2l' "$out" | sort -u | wc -l)
  warn=$(sed -n '/^Shown differently from the book\|^Hiển thị khác với sách/,$p' "$out" | grep -c '^  ')
  [ "$status" -ne 0 ] && failed=$((failed + 1))
  [ "$latex" -ne 0 ] && latex_files=$((latex_files + 1))
  [ "$roles" -ne 0 ] && role_files=$((role_files + 1))
  [ "$tabs" -ne 0 ] && tab_files=$((tab_files + 1))
  [ "$fw" -gt 1 ] && mixed_files=$((mixed_files + 1))
  [ "$warn" -ne 0 ] && warned_files=$((warned_files + 1))
  printf '%-6s %-5s %-5s %-4s %-3s %-4s %s\n' "$status" "$latex" "$roles" "$tabs" "$fw" "$warn" "${file#"$dir"/}"
  if [ "${VERBOSE:-0}" = 1 ]; then
    head -3 "$err" | sed 's/^/    stderr: /'
    grep -nE '\\[a-zA-Z]+' "$prose" | head -5 | sed 's/^/    latex: /'
    grep -nE ':(label|numref|eqref|cite|citet|eqlabel|width|ref):|#@tab|%%tab|#@save' "$out" | head -5 | sed 's/^/    mark: /'
  fi
done < <(
  # A checkout of the book: its chapters only (README.md and the style guide are not pages).
  if compgen -G "$dir/chapter_*" >/dev/null; then find "$dir"/chapter_* -name '*.md' -type f
  else find "$dir" -name '*.md' -type f; fi | sort)
echo "files: $files  non-zero exit: $failed  with raw LaTeX: $latex_files  with role text: $role_files  with tab marks: $tab_files  with two frameworks: $mixed_files  with warnings: $warned_files"
[ "$failed" -eq 0 ] && [ "$latex_files" -eq 0 ] && [ "$role_files" -eq 0 ] && [ "$tab_files" -eq 0 ] && [ "$mixed_files" -eq 0 ]
