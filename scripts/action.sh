#!/usr/bin/env bash
# The GitHub Action's step: install the tool from the action's own checkout, write SARIF for code
# scanning, print annotations, and fail by the lint's exit code (1 findings, 2 the run failed).
set -uo pipefail
tool="${GITHUB_ACTION_PATH:?}"
if [ "${NSP_ACTION_SKIP_INSTALL:-}" != "1" ]; then
  npm ci --prefix "$tool" --no-audit --no-fund >&2 || exit 2
fi
cli=(node "$tool/bin/neptune-snapshot-policy.js" lint)
read -r -a paths <<< "${INPUT_PATHS:-.}"
args=()
[ -n "${INPUT_CONFIG:-}" ] && args+=(--config "$INPUT_CONFIG")
[ -n "${INPUT_REGION:-}" ] && args+=(--region "$INPUT_REGION")
sarif="${RUNNER_TEMP:-/tmp}/neptune-snapshot-policy.sarif"
# The SARIF run never decides the outcome; the annotated run below does.
"${cli[@]}" "${paths[@]}" "${args[@]}" --format sarif --output "$sarif" >/dev/null 2>&1
[ -s "$sarif" ] && echo "sarif-file=$sarif" >> "${GITHUB_OUTPUT:-/dev/null}"
"${cli[@]}" "${paths[@]}" "${args[@]}" --format github --max-warnings "${INPUT_MAX_WARNINGS:--1}"
