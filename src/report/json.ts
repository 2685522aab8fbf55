// `--format json`: exactly SPEC §5, plus `errors` when some input could not be read. Compact, as
// ESLint's is (pipe it through `jq` to read it), and produced result by result so that a report on
// 100,000 snapshots is written as it is made rather than built whole in memory.
import type { RunResult, SubjectResult } from "../model/types.js";
import type { ReportContext } from "./types.js";

function result(r: SubjectResult): string {
  return JSON.stringify({
    file: r.file,
    subject: r.subject,
    id: r.id,
    index: r.index,
    region: r.region,
    ...(r.address !== undefined ? { address: r.address } : {}),
    findings: r.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      pointer: f.pointer,
      ...(f.line !== undefined ? { line: f.line, column: f.column } : {}),
    })),
  });
}

export function* json(run: RunResult, context: ReportContext): Generator<string> {
  yield `{"tool":${JSON.stringify({ name: context.toolName, version: context.version })},"results":[`;
  let batch: string[] = [];
  for (let i = 0; i < run.results.length; i++) {
    batch.push((i === 0 ? "" : ",") + result(run.results[i]!));
    if (batch.length === 1000) {
      yield batch.join("");
      batch = [];
    }
  }
  if (batch.length > 0) yield batch.join("");
  yield `],"summary":${JSON.stringify(run.summary)}`;
  if (run.inputErrors.length > 0) {
    const errors = run.inputErrors.map((e) => ({
      file: e.file,
      message: e.message,
      ...(e.line !== undefined ? { line: e.line, column: e.column } : {}),
      ...(e.pointer !== undefined ? { pointer: e.pointer } : {}),
    }));
    yield `,"errors":${JSON.stringify(errors)}`;
  }
  yield "}\n";
}
