// Existing snapshots → results, from an inventory file or a live listing. Each snapshot is a subject
// named by its ARN and placed in the region and account of its ARN. Snapshots are taken one at a
// time from their batch (an inventory may be read as it is judged) and each result goes to the
// sink at once.
import { snapshotPlace } from "../facts/lookup.js";
import { isNeptuneSnapshot } from "../model/snapshot.js";
import type { InputProblem, Position, RunResult, SubjectResult } from "../model/types.js";
import { checkOne, type Located } from "./check.js";
import { runParts, type RunSettings } from "./settings.js";
import { RunResults, type ResultSink } from "./summary.js";

/** One snapshot of a batch: its value, its index in the batch, and where its values are in the file. */
export interface SnapshotEntry {
  value: unknown;
  index: number;
  /** Where the value at `pointer` (relative to the snapshot) is in the file. */
  locate?: (pointer: string, target?: "value" | "key") => Position | undefined;
}

/** One batch of snapshots to audit: an inventory file, or one region listed live. */
export interface SnapshotBatch {
  /** Shown as the result's file: the inventory's path, or `aws:REGION`. */
  file: string;
  /** Absolute path whose settings (config overrides) apply; the config's own settings when undefined. */
  settingsPath?: string;
  /** The snapshots in order; an `error` says why the rest could not be read (the batch ends there). */
  snapshots: Iterable<SnapshotEntry | { error: InputProblem }>;
  /** Pointer of the snapshot array in the file (`/DBClusterSnapshots`), or undefined for live ones. */
  pointer?: string;
}

/** A batch's snapshots from an array (a live listing, an inventory read whole). */
export function* listed(snapshots: readonly unknown[], locate?: (index: number, pointer: string, target?: "value" | "key") => Position | undefined, from = 0): Generator<SnapshotEntry> {
  for (let index = from; index < snapshots.length; index++) {
    yield { value: snapshots[index], index, ...(locate ? { locate: (pointer: string, target?: "value" | "key") => locate(index, pointer, target) } : {}) };
  }
}

export interface SnapshotRunOptions extends RunSettings {
  batches: readonly SnapshotBatch[];
  /** Where each result goes; without one, the run's `results` hold them. */
  sink?: ResultSink;
  /** Told of each snapshot judged, with its result (--plan-remediation keeps the few it needs). */
  onSnapshot?: (result: SubjectResult, snapshot: unknown) => void;
}

function located(batch: SnapshotBatch, entry: SnapshotEntry, rules: Located["rules"]): Located {
  const { value, index } = entry;
  const place = snapshotPlace(value);
  const base = batch.pointer === undefined ? "" : `${batch.pointer}/${index}`;
  const at = entry.locate;
  return {
    subject: { kind: "snapshot", file: batch.file, index, pointer: base, value, region: place.region, account: place.account },
    id: place.arn ?? null,
    rules,
    ...(at ? { locate: (pointer: string, target?: "key") => at(pointer.slice(base.length), target) } : {}),
  };
}

export function runSnapshots(options: SnapshotRunOptions): RunResult {
  const { resolver, check, tally } = runParts(options);
  const base = resolver.base();
  const results = new RunResults(options.sink);
  const inputErrors: InputProblem[] = [];
  for (const batch of options.batches) {
    const settings = batch.settingsPath === undefined ? base : resolver.forFile(batch.settingsPath);
    for (const entry of batch.snapshots) {
      if ("error" in entry) {
        inputErrors.push(entry.error);
        break;
      }
      if (!isNeptuneSnapshot(entry.value)) continue;
      const item = located(batch, entry, settings.rules);
      const checked = checkOne(item, options.facts?.forSnapshot(item.subject) ?? {}, check);
      results.add(checked.result);
      options.onSnapshot?.(checked.result, entry.value);
      tally.add(checked.notRun);
    }
  }
  return results.summarize({ files: options.batches.length, skipped: 0 }, tally.notices(options.rules.map((r) => r.id)), inputErrors);
}
