// Start the planned copies, at most `concurrency` at a time, each exactly once. A stop signal (Ctrl-C)
// stops starting new ones; those already started go on in AWS and are reported as started.
import { createLimit } from "../aws/limit.js";
import type { AwsCopier } from "../aws/types.js";
import { isCopyOf, type CopyItem } from "./plan.js";

export interface ExecuteOptions {
  concurrency: number;
  signal: AbortSignal;
  onChange?: (item: CopyItem) => void;
}

export async function startCopies(items: CopyItem[], copier: AwsCopier, options: ExecuteOptions): Promise<void> {
  const limit = createLimit(options.concurrency);
  await Promise.all(
    items
      .filter((item) => item.outcome === "planned")
      .map((item) =>
        limit(async () => {
          if (options.signal.aborted) {
            item.outcome = "not-started";
            item.reason = "interrupted before this copy was started";
            return;
          }
          const region = item.region!;
          const result = await copier.copySnapshot(region, item.input!);
          if ("snapshot" in result) {
            item.outcome = "started";
            item.status = result.snapshot.Status;
            item.percentProgress = result.snapshot.PercentProgress;
          } else if (result.error.code === "DBClusterSnapshotAlreadyExistsFault") {
            // The target appeared since the plan was made: settle it as the plan would have.
            const target = await copier.pollSnapshot(region, item.input!.TargetDBClusterSnapshotIdentifier);
            const source = item.input!.SourceDBClusterSnapshotIdentifier.startsWith("arn:")
              ? { DBClusterSnapshotArn: item.input!.SourceDBClusterSnapshotIdentifier }
              : await copier.pollSnapshot(region, item.input!.SourceDBClusterSnapshotIdentifier);
            if (target && isCopyOf(target, source)) {
              item.outcome = "skipped";
              item.reason = "the target already exists as a copy of this source";
            } else {
              item.outcome = "conflict";
              item.reason = "a different snapshot with the target identifier appeared meanwhile; it is never overwritten";
              item.error = result.error;
            }
          } else {
            item.outcome = "failed";
            item.error = result.error;
          }
          options.onChange?.(item);
        }),
      ),
  );
}
