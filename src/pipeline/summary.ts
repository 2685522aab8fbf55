// One summary for every command: counts of files, subjects and findings, and the not-run notices.
// Results go to a sink as soon as they are final (a report written as the run goes), or are
// collected into the RunResult (the library, copy, --fix): one way for both.
import type { InputProblem, NotRunNotice, RunResult, SubjectResult } from "../model/types.js";

/** Where a run's results go, one by one, in order (a file's results one after another). */
export type ResultSink = (result: SubjectResult) => void;

export class RunResults {
  /** The results, when no sink takes them. */
  private readonly kept: SubjectResult[] = [];
  private subjects = 0;
  private errors = 0;
  private warnings = 0;

  constructor(private readonly sink?: ResultSink) {}

  add(result: SubjectResult): void {
    this.subjects++;
    for (const f of result.findings) f.severity === "error" ? this.errors++ : this.warnings++;
    if (this.sink) this.sink(result);
    else this.kept.push(result);
  }

  /** The run: its results are empty when a sink took them. */
  summarize(counts: { files: number; skipped: number }, notRun: NotRunNotice[], inputErrors: InputProblem[]): RunResult {
    const { subjects, errors, warnings } = this;
    return { results: this.kept, inputErrors, summary: { files: counts.files, skipped: counts.skipped, subjects, errors, warnings, notRun } };
  }
}
