#!/usr/bin/env node
// The GitHub Action's annotations, read from the report of its one lint run (SARIF or JSON, both
// written by the CLI), so the Action lints once and still both uploads SARIF and annotates the diff.
// Workflow commands are escaped as src/report/github.ts (`--format github`) escapes them.
//
//   node scripts/annotations.mjs REPORT.sarif|REPORT.json
import { readFileSync } from "node:fs";

const escapeData = (text) => String(text).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (text) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

function command({ level, file, line, col, title, message }) {
  const props = Object.entries({ file, line, col, title })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(",");
  return `::${level} ${props}::${escapeData(message)}`;
}

/** SARIF 2.1.0 as `--format sarif` writes it: findings are results, input errors and rules not run are notifications. */
function fromSarif(log) {
  const out = [];
  for (const run of log.runs ?? []) {
    const at = (location) => {
      const physical = location?.physicalLocation;
      if (physical === undefined) return {};
      return { file: decodeURIComponent(physical.artifactLocation.uri), line: physical.region?.startLine, col: physical.region?.startColumn };
    };
    for (const r of run.results ?? []) out.push({ level: r.level === "error" ? "error" : r.level === "warning" ? "warning" : "notice", ...at(r.locations?.[0]), title: r.ruleId, message: r.message.text });
    for (const n of run.invocations?.flatMap((i) => i.toolExecutionNotifications ?? []) ?? []) {
      const rule = n.associatedRule?.id;
      out.push({ level: n.level === "error" ? "error" : "notice", ...at(n.locations?.[0]), title: rule ?? "input error", message: n.message.text });
    }
  }
  return out;
}

/** The JSON report (SPEC §5). */
function fromJson(report) {
  const out = [];
  for (const r of report.results ?? []) for (const f of r.findings) out.push({ level: f.severity, file: r.file, line: f.line, col: f.column, title: f.ruleId, message: f.message });
  for (const e of report.errors ?? []) out.push({ level: "error", file: e.file, line: e.line, col: e.column, title: "input error", message: e.message });
  for (const n of report.summary?.notRun ?? []) out.push({ level: "notice", title: n.ruleId, message: `not run for ${n.subjects} subject${n.subjects === 1 ? "" : "s"}: ${n.reason}` });
  return out;
}

const path = process.argv[2];
const report = JSON.parse(readFileSync(path, "utf8"));
const annotations = Array.isArray(report.runs) ? fromSarif(report) : fromJson(report);
const count = (level) => annotations.filter((a) => a.level === level && a.title !== "input error").length;
const [errors, warnings] = [count("error"), count("warning")];
process.stdout.write([...annotations.map(command), `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`].join("\n") + "\n");
