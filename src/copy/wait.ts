// Looking at a copy in progress: one fresh DescribeDBClusterSnapshots, and what it says about the
// request's outcome. The schedule of looks (back-off, deadline, faults) is the executor's.
import type { AwsCopier } from "../aws/types.js";
import { FAILED_STATUSES, type CopyItem } from "./plan.js";

/** A pause that ends early when `signal` fires. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/** Update an active copy from AWS's view of it now; throws what the copier throws. */
export async function lookAt(item: CopyItem, copier: AwsCopier, signal: AbortSignal): Promise<void> {
  const snapshot = await copier.pollSnapshot(item.region!, item.id!, signal);
  if (snapshot === null) {
    item.outcome = "failed";
    item.error = { code: "DBClusterSnapshotNotFoundFault", message: "the copy disappeared while being waited for" };
    return;
  }
  delete item.lastError;
  item.status = snapshot.Status;
  item.percentProgress = snapshot.PercentProgress;
  if (snapshot.Status === "available") {
    item.outcome = "available";
    delete item.reason;
  } else if (snapshot.Status !== undefined && FAILED_STATUSES.has(snapshot.Status)) {
    item.outcome = "failed";
    item.error = { code: `Status:${snapshot.Status}`, message: `the copy's status became ${snapshot.Status}` };
  }
}
