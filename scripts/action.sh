#!/usr/bin/env bash
# The GitHub Action's step. Lints once with the action's prebuilt bundle (a release tag carries dist/:
# nothing is installed or built) on the runner's own Node (the job's Node is left as it was), writes
# the report (SARIF for code scanning, JSON or JUnit) and prints annotations (`--format github`) from
# that same run, and fails by the lint's exit code (1 findings, 2 the run could not be done).
set -uo pipefail
tool="${GITHUB_ACTION_PATH:?}"
fail() {
  echo "::error title=neptune-snapshot-policy::$1"
  exit 2
}
[ -f "$tool/dist/cli/main.js" ] || fail "this ref of the action has no built bundle: use a release tag (uses: neptune-snapshot-policy/neptune-snapshot-policy@vX.Y.Z)"
# The versions package.json's engines admit (^20.19.0 || ^22.12.0 || >=23).
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit((a === 20 && b >= 19) || (a === 22 && b >= 12) || a >= 23 ? 0 : 1)' 2>/dev/null ||
  fail "needs Node.js ^20.19.0 || ^22.12.0 || >=23 on the runner (found $(node --version 2>/dev/null || echo none)): add actions/setup-node before this step"
format="${INPUT_FORMAT:-sarif}"
case "$format" in sarif | json | junit) ;; *) fail "format must be sarif, json or junit, not $format" ;; esac

read -r -a paths <<< "${INPUT_PATHS:-.}"
args=(--max-warnings "${INPUT_MAX_WARNINGS:--1}")
[ -n "${INPUT_CONFIG:-}" ] && args+=(--config "$INPUT_CONFIG")
[ -n "${INPUT_REGION:-}" ] && args+=(--region "$INPUT_REGION")
[ -n "${INPUT_ACCOUNT:-}" ] && args+=(--account "$INPUT_ACCOUNT")
[ -n "${INPUT_INVENTORY:-}" ] && args+=(--inventory "$INPUT_INVENTORY")
case "${INPUT_REQUIRE_FACTS:-false}" in true) args+=(--require-facts) ;; false | "") ;; *) fail "require-facts must be true or false" ;; esac
# One rule setting per line (ID:SEVERITY[:JSON-OPTIONS]; JSON may hold spaces).
while IFS= read -r rule; do
  rule="${rule#"${rule%%[![:space:]]*}"}"
  rule="${rule%"${rule##*[![:space:]]}"}"
  [ -n "$rule" ] && args+=(--rule "$rule")
done <<< "${INPUT_RULES:-}"

ext="$format"
[ "$format" = junit ] && ext=xml
report="${RUNNER_TEMP:-/tmp}/neptune-snapshot-policy.$ext"
rm -f "$report"
# One run, two reports: the file, and the annotations on stdout.
node "$tool/bin/neptune-snapshot-policy.js" lint "${paths[@]}" "${args[@]}" --format "$format" --output "$report" --format github
code=$?
if [ -s "$report" ]; then
  {
    echo "report-file=$report"
    [ "$format" = sarif ] && echo "sarif-file=$report"
  } >> "${GITHUB_OUTPUT:-/dev/null}"
fi
exit "$code"
