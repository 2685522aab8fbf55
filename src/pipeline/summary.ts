// One summary for every command: counts of files, subjects and findings, and the not-run notices.
import type { InputProblem, NotRunNotice, RunResult, SubjectResult } from "../model/types.js";

export function summarize(results: SubjectResult[], counts: { files: number; skipped: number }, notRun: NotRunNotice[], inputErrors: InputProblem[]): RunResult {
  let errors = 0;
  let warnings = 0;
  for (const r of results) for (const f of r.findings) f.severity === "error" ? errors++ : warnings++;
  return { results, inputErrors, summary: { files: counts.files, skipped: counts.skipped, subjects: results.length, errors, warnings, notRun } };
}
