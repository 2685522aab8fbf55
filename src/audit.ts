// audit: existing snapshots → located findings, from an inventory file or a live listing. Each
// snapshot is a subject named by its ARN and placed in the region of its ARN.
import type { PolicyConfig } from "./config/load.js";
import { SettingsResolver, type CliRuleSetting } from "./config/resolve.js";
import { checkSubject } from "./engine/runner.js";
import type { Rule } from "./engine/rule.js";
import type { FactIndex } from "./facts/index.js";
import { snapshotFacts, snapshotPlace } from "./facts/lookup.js";
import { byPosition } from "./lint.js";
import type { Finding, Position, RunResult, Snapshot, Subject, SubjectResult } from "./model/types.js";

/** One batch of snapshots to audit: an inventory file, or one region listed live. */
export interface SnapshotBatch {
  /** Shown as the result's file: the inventory's path, or `aws:REGION`. */
  file: string;
  /** Absolute path whose settings (config overrides) apply; the config's own settings when undefined. */
  settingsPath?: string;
  snapshots: readonly unknown[];
  /** Pointer of the snapshot array in the file (`/DBClusterSnapshots`), or undefined for live ones. */
  pointer?: string;
  /** Where a value of snapshot `index` is in the file (pointer relative to the snapshot). */
  locate?: (index: number, pointer: string, target?: "value" | "key") => Position | undefined;
}

export interface AuditOptions {
  config: PolicyConfig;
  rules: readonly Rule[];
  cliRules?: readonly CliRuleSetting[];
  batches: readonly SnapshotBatch[];
  index: FactIndex;
  now?: Date;
}

/**
 * Only Neptune snapshots are audited: the RDS endpoint that Neptune shares also lists Aurora and
 * DocumentDB snapshots, which other policies govern. A snapshot without `Engine` is taken as Neptune.
 */
export function isNeptuneSnapshot(value: unknown): boolean {
  const engine = (value as Snapshot | null)?.Engine;
  return typeof value !== "object" || value === null || engine === undefined || engine === "neptune";
}

function positioned(batch: SnapshotBatch, index: number, subjectPointer: string, finding: Finding): Finding {
  if (batch.locate === undefined) return finding;
  const relative = finding.pointer.slice(subjectPointer.length);
  const at = batch.locate(index, relative, finding.target) ?? batch.locate(index, "");
  // The finding was made for this subject alone: fill in its position rather than copy it.
  if (at) {
    finding.line = at.line;
    finding.column = at.column;
  }
  return finding;
}

export function audit(options: AuditOptions): RunResult {
  const now = options.now ?? new Date();
  const resolver = new SettingsResolver(options.config, options.rules, options.cliRules);
  const base = resolver.base();
  const results: SubjectResult[] = [];
  for (const batch of options.batches) {
    const settings = batch.settingsPath === undefined ? base : resolver.forFile(batch.settingsPath);
    batch.snapshots.forEach((value, index) => {
      if (!isNeptuneSnapshot(value)) return;
      const place = snapshotPlace(value);
      const pointer = batch.pointer === undefined ? "" : `${batch.pointer}/${index}`;
      const subject: Subject = { kind: "snapshot", file: batch.file, index, pointer, value, region: place.region, account: place.account };
      const facts = snapshotFacts(options.index, subject);
      const findings = checkSubject(subject, settings.rules, facts, now).map((f) => positioned(batch, index, pointer, f));
      findings.sort(byPosition);
      results.push({ file: batch.file, subject: "snapshot", id: place.arn ?? null, index, region: place.region ?? null, findings });
    });
  }
  let errors = 0;
  let warnings = 0;
  for (const r of results) for (const f of r.findings) f.severity === "error" ? errors++ : warnings++;
  return { results, inputErrors: [], summary: { files: options.batches.length, skipped: 0, subjects: results.length, errors, warnings, notRun: [] } };
}
