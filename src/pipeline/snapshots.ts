// Existing snapshots → results, from an inventory file or a live listing. Each snapshot is a subject
// named by its ARN and placed in the region and account of its ARN.
import { snapshotPlace } from "../facts/lookup.js";
import { isNeptuneSnapshot } from "../model/snapshot.js";
import type { Position, RunResult, SubjectResult } from "../model/types.js";
import { checkOne, type Located } from "./check.js";
import { runParts, type RunSettings } from "./settings.js";
import { summarize } from "./summary.js";

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

export interface SnapshotRunOptions extends RunSettings {
  batches: readonly SnapshotBatch[];
}

function located(batch: SnapshotBatch, index: number, value: unknown, rules: Located["rules"]): Located {
  const place = snapshotPlace(value);
  const base = batch.pointer === undefined ? "" : `${batch.pointer}/${index}`;
  const at = batch.locate;
  return {
    subject: { kind: "snapshot", file: batch.file, index, pointer: base, value, region: place.region, account: place.account },
    id: place.arn ?? null,
    rules,
    ...(at ? { locate: (pointer: string, target?: "key") => at(index, pointer.slice(base.length), target) } : {}),
  };
}

export function runSnapshots(options: SnapshotRunOptions): RunResult {
  const { resolver, check, tally } = runParts(options);
  const base = resolver.base();
  const results: SubjectResult[] = [];
  for (const batch of options.batches) {
    const settings = batch.settingsPath === undefined ? base : resolver.forFile(batch.settingsPath);
    batch.snapshots.forEach((value, index) => {
      if (!isNeptuneSnapshot(value)) return;
      const item = located(batch, index, value, settings.rules);
      const checked = checkOne(item, options.facts?.forSnapshot(item.subject) ?? {}, check);
      results.push(checked.result);
      tally.add(checked.notRun);
    });
  }
  return summarize(results, { files: options.batches.length, skipped: 0 }, tally.notices(options.rules.map((r) => r.id)), []);
}
