// Baselines: adopt the tool in a repository with existing debt. A baseline lists findings by file,
// subject id, rule id and pointer — not by line, so edits elsewhere in a file do not bring them
// back — and a run with it reports only findings beyond it (each entry absorbs one finding, in the
// order results come). Both work result by result, as the run goes.
import { InputError, MAX_TEXT_BYTES, readText } from "./input/read.js";
import type { SubjectResult } from "./model/types.js";

export interface BaselineEntry {
  file: string;
  id: string | null;
  ruleId: string;
  pointer: string;
}

export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

function keyOf(e: BaselineEntry): string {
  return JSON.stringify([e.file, e.id, e.ruleId, e.pointer]);
}

export class BaselineError extends Error {}

export function readBaseline(path: string): Baseline {
  let text: string;
  try {
    // readText refuses what is not a regular file (a FIFO would block the run) before reading.
    text = readText(path, MAX_TEXT_BYTES);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new BaselineError(error.message === "does not exist" ? "does not exist (write one with --write-baseline)" : error.message);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`is not valid JSON (${(error as Error).message})`);
  }
  const findings = (value as Baseline | null)?.findings;
  const valid =
    (value as Baseline | null)?.version === 1 &&
    Array.isArray(findings) &&
    findings.every((f) => typeof f?.file === "string" && (typeof f.id === "string" || f.id === null) && typeof f.ruleId === "string" && typeof f.pointer === "string");
  if (!valid) throw new BaselineError('is not a baseline: expected { "version": 1, "findings": [{ "file", "id", "ruleId", "pointer" }] }');
  return value as Baseline;
}

/**
 * --write-baseline: every finding goes into the baseline, so the run with it shows none. Keeps one
 * entry per finding (the baseline file lists them sorted), nothing else.
 */
export class BaselineRecorder {
  private readonly entries: BaselineEntry[] = [];

  /** The result as the run with the new baseline shows it: without findings. */
  take(r: SubjectResult): SubjectResult {
    if (r.findings.length === 0) return r;
    for (const f of r.findings) this.entries.push({ file: r.file, id: r.id, ruleId: f.ruleId, pointer: f.pointer });
    return { ...r, findings: [] };
  }

  baseline(): Baseline {
    const findings = this.entries.map((e) => ({ key: keyOf(e), e }));
    findings.sort((a, b) => a.key.localeCompare(b.key));
    return { version: 1, findings: findings.map(({ e }) => e) };
  }
}

/** --baseline: each result without the findings the baseline already knows. */
export function baselineFilter(baseline: Baseline): (r: SubjectResult) => SubjectResult {
  const left = new Map<string, number>();
  for (const e of baseline.findings) left.set(keyOf(e), (left.get(keyOf(e)) ?? 0) + 1);
  return (r) => {
    if (r.findings.length === 0) return r;
    const findings = r.findings.filter((f) => {
      const key = keyOf({ file: r.file, id: r.id, ruleId: f.ruleId, pointer: f.pointer });
      const n = left.get(key) ?? 0;
      if (n > 0) left.set(key, n - 1);
      return n === 0;
    });
    return { ...r, findings };
  };
}
