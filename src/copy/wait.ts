// Poll each started copy until it is available (or failed), backing off between looks, within a
// time limit. Throttling that outlasts the SDK's retries only delays the next look.
import type { AwsCopier } from "../aws/types.js";
import { AwsError } from "../aws/types.js";
import type { CopyItem } from "./plan.js";

export interface WaitOptions {
  /** First pause between looks; it grows by half each time, to 8 times this at most. */
  pollMs: number;
  timeoutMs: number;
  signal: AbortSignal;
  onChange?: (item: CopyItem) => void;
  now?: () => number;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

async function waitOne(item: CopyItem, copier: AwsCopier, options: WaitOptions, deadline: number): Promise<void> {
  const now = options.now ?? Date.now;
  let pause = options.pollMs;
  for (;;) {
    if (options.signal.aborted) return;
    let snapshot;
    try {
      snapshot = await copier.pollSnapshot(item.region!, item.id!);
    } catch (error) {
      if (!(error instanceof AwsError) || error.kind !== "Throttled") throw error;
      snapshot = undefined;
    }
    if (snapshot === null) {
      item.outcome = "failed";
      item.error = { code: "DBClusterSnapshotNotFoundFault", message: "the copy disappeared while being waited for" };
      options.onChange?.(item);
      return;
    }
    if (snapshot) {
      const changed = snapshot.Status !== item.status || snapshot.PercentProgress !== item.percentProgress;
      item.status = snapshot.Status;
      item.percentProgress = snapshot.PercentProgress;
      if (snapshot.Status === "available") item.outcome = "available";
      else if (snapshot.Status === "failed" || snapshot.Status === "incompatible-restore" || snapshot.Status === "deleting") {
        item.outcome = "failed";
        item.error = { code: `Status:${snapshot.Status}`, message: `the copy's status became ${snapshot.Status}` };
      }
      if (changed || item.outcome !== "started") options.onChange?.(item);
      if (item.outcome !== "started") return;
    }
    if (now() + pause > deadline) {
      item.reason = `still ${item.status ?? "copying"} when --timeout ran out; the copy goes on in AWS`;
      return;
    }
    await sleep(pause, options.signal);
    pause = Math.min(pause * 1.5, options.pollMs * 8);
  }
}

export async function waitForCopies(items: CopyItem[], copier: AwsCopier, options: WaitOptions): Promise<void> {
  const deadline = (options.now ?? Date.now)() + options.timeoutMs;
  await Promise.all(items.filter((i) => i.outcome === "started").map((i) => waitOne(i, copier, options, deadline)));
}
