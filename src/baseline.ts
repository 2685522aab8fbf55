// Baselines: adopt the tool in a repository with existing debt. A baseline lists findings by file,
// subject id, rule id and pointer — not by line, so edits elsewhere in a file do not bring them
// back — and a run with it reports only findings beyond it (each entry absorbs one finding).
import { InputError, MAX_TEXT_BYTES, readText } from "./input/read.js";
import type { RunResult } from "./model/types.js";

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

export function baselineOf(run: RunResult): Baseline {
  const findings = run.results.flatMap((r) => r.findings.map((f) => ({ file: r.file, id: r.id, ruleId: f.ruleId, pointer: f.pointer })));
  findings.sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  return { version: 1, findings };
}

/** The run without the findings the baseline already knows; summary counts follow. */
export function applyBaseline(run: RunResult, baseline: Baseline): RunResult {
  const left = new Map<string, number>();
  for (const e of baseline.findings) left.set(keyOf(e), (left.get(keyOf(e)) ?? 0) + 1);
  let errors = 0;
  let warnings = 0;
  const results = run.results.map((r) => {
    const findings = r.findings.filter((f) => {
      const key = keyOf({ file: r.file, id: r.id, ruleId: f.ruleId, pointer: f.pointer });
      const n = left.get(key) ?? 0;
      if (n > 0) {
        left.set(key, n - 1);
        return false;
      }
      f.severity === "error" ? errors++ : warnings++;
      return true;
    });
    return { ...r, findings };
  });
  return { ...run, results, summary: { ...run.summary, errors, warnings } };
}
