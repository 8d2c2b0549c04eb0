#!/usr/bin/env bash
# The Action's run step: inputs arrive as INPUT_* variables, Jira credentials as the caller's
# JIRA_* variables (never echoed). Writes annotations and the job summary (github format),
# the reports asked for, and step outputs; exits with ticketlint's exit code.
set -euo pipefail

command=${INPUT_COMMAND:-check}
case "$command" in
  check | apply) ;;
  *)
    echo "::error title=ticketlint::command '$command' is not one the action runs; use check or apply" >&2
    exit 2
    ;;
esac

args=("$command" --fail-on "${INPUT_FAIL_ON:-error}" --format github)
if [ "$command" = apply ] && [ -n "${INPUT_MAX_WRITES:-}" ]; then
  args+=(--max-writes "$INPUT_MAX_WRITES")
fi
[ -n "${INPUT_CONFIG:-}" ] && args+=(--config "$INPUT_CONFIG")
[ -n "${INPUT_JQL:-}" ] && args+=(--jql "$INPUT_JQL")
for epic in ${INPUT_EPICS:-}; do args+=(--epic "$epic"); done

summary_json=$(mktemp)
reports=()
for format in ${INPUT_FORMATS:-}; do
  args+=(--format "$format")
  reports+=("${format#*:}")
done
args+=(--format "json:$summary_json")

set +e
ticketlint "${args[@]}"
status=$?
set -e

python - "$summary_json" "${GITHUB_OUTPUT:-/dev/null}" "${reports[*]:-}" <<'PY'
import json, sys
path, output, reports = sys.argv[1], sys.argv[2], sys.argv[3]
try:
    report = json.load(open(path, encoding="utf-8"))
    summary = report["summary"]
except (OSError, ValueError, KeyError):
    report, summary = {}, None
with open(output, "a", encoding="utf-8") as out:
    if summary is not None:
        out.write(f"epics-checked={summary['epics_checked']}\n")
        out.write(f"epics-failing={summary['epics_failing']}\n")
        for severity in ("error", "warning", "info"):
            out.write(f"findings-{severity}={summary['findings'][severity]}\n")
    writes = report.get("writes")
    if writes is not None:
        out.write(f"write-requests={writes['requests']['write']}\n")
        out.write(f"epics-left={len(writes['skipped_by_budget'])}\n")
        out.write(f"writes-failed={len(writes['failed'])}\n")
    out.write(f"reports={reports}\n")
PY
rm -f "$summary_json"
exit "$status"
