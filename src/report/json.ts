// `--format json`: exactly SPEC §5, plus `errors` when some input could not be read.
import type { Formatter } from "./types.js";

export const json: Formatter = (run, context) => {
  const report: Record<string, unknown> = {
    tool: { name: context.toolName, version: context.version },
    results: run.results.map((r) => ({
      file: r.file,
      subject: r.subject,
      id: r.id,
      index: r.index,
      region: r.region,
      findings: r.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        pointer: f.pointer,
        ...(f.line !== undefined ? { line: f.line, column: f.column } : {}),
      })),
    })),
    summary: run.summary,
  };
  if (run.inputErrors.length > 0) {
    report.errors = run.inputErrors.map((e) => ({
      file: e.file,
      message: e.message,
      ...(e.line !== undefined ? { line: e.line, column: e.column } : {}),
      ...(e.pointer !== undefined ? { pointer: e.pointer } : {}),
    }));
  }
  return JSON.stringify(report, null, 2) + "\n";
};
