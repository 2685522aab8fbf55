// The result of `copy`: every request with its outcome, as JSON or as ESLint-like text.
import type { CopyItem, Outcome } from "../copy/plan.js";
import { printable } from "./escape.js";

export const OUTCOMES: readonly Outcome[] = ["refused", "planned", "skipped", "conflict", "in-progress", "started", "available", "failed", "not-started"];

export interface CopyRun {
  applied: boolean;
  interrupted: boolean;
  /** Why the run stopped early (a fault no retry can cure); every outcome is still listed. */
  stopped?: string;
  items: CopyItem[];
}

export function copySummary(run: CopyRun): Record<Outcome | "requests", number> {
  const summary = Object.fromEntries([["requests", run.items.length], ...OUTCOMES.map((o) => [o, 0])]) as Record<Outcome | "requests", number>;
  for (const item of run.items) summary[item.outcome]++;
  return summary;
}

export function copyJson(run: CopyRun, tool: { name: string; version: string }): string {
  const results = run.items.map((i) => ({
    file: i.file,
    index: i.index,
    id: i.id,
    region: i.region,
    source: i.source,
    outcome: i.outcome,
    ...(i.reason ? { reason: i.reason } : {}),
    ...(i.status !== undefined ? { status: i.status } : {}),
    ...(i.percentProgress !== undefined ? { percentProgress: i.percentProgress } : {}),
    ...(i.error ? { error: i.error } : {}),
    findings: i.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, pointer: f.pointer, ...(f.line !== undefined ? { line: f.line, column: f.column } : {}) })),
  }));
  return JSON.stringify({ tool, applied: run.applied, interrupted: run.interrupted, ...(run.stopped ? { stopped: run.stopped } : {}), results, summary: copySummary(run) }) + "\n";
}

const LABEL: Record<Outcome, string> = {
  refused: "refused",
  planned: "would copy",
  skipped: "skipped",
  conflict: "conflict",
  "in-progress": "in progress",
  started: "started",
  available: "available",
  failed: "failed",
  "not-started": "not started",
};

export function copyStylish(run: CopyRun): string {
  const lines: string[] = [];
  for (const i of run.items) {
    const where = `${i.file}${run.items.filter((x) => x.file === i.file).length > 1 ? `#${i.index}` : ""}`;
    const what = `${i.source ?? "?"} → ${i.id ?? "?"}${i.region ? ` in ${i.region}` : ""}`;
    const pct = (i.outcome === "started" || i.outcome === "in-progress") && i.percentProgress !== undefined ? ` (${i.percentProgress}%)` : "";
    const detail = i.error ? `: ${i.error.code}: ${i.error.message}` : i.reason ? `${pct}: ${i.reason}` : pct;
    lines.push(`${LABEL[i.outcome].padEnd(11)} ${where}  ${what}${detail}`);
    if (i.outcome === "refused" || i.outcome === "conflict") {
      for (const f of i.findings.filter((x) => x.severity === "error")) lines.push(`              ${f.line ?? 0}:${f.column ?? 0}  ${f.message}  ${f.ruleId}`);
    }
  }
  const s = copySummary(run);
  const parts = OUTCOMES.filter((o) => s[o] > 0).map((o) => `${s[o]} ${LABEL[o]}`);
  lines.push("");
  lines.push(`${run.applied ? "" : "Dry run (nothing changed; --apply to copy): "}${s.requests} request${s.requests === 1 ? "" : "s"}: ${parts.join(", ") || "none"}${run.interrupted ? " (interrupted)" : ""}`);
  if (run.stopped) lines.push(`Stopped: ${run.stopped}`);
  return lines.map(printable).join("\n") + "\n";
}
