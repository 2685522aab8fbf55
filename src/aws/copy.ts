// Starting copies and watching them: the only calls that change anything in AWS, made only by
// `copy --apply`. The SDK's middleware-sdk-rds presigns a cross-region copy from the region in the
// source ARN by itself, so the input carries the API's own members only.
import { CopyDBClusterSnapshotCommand, DescribeDBClusterSnapshotsCommand } from "@aws-sdk/client-neptune";
import type { Snapshot } from "../model/types.js";
import { createClients } from "./clients.js";
import { plain } from "./plain.js";
import { toAwsError } from "./errors.js";
import type { AwsCopier, AwsOptions, CopyInput } from "./types.js";

/** Faults that say what happened to this one copy; anything else (access, credentials) ends the run. */
const COPY_FAULTS = new Set([
  "DBClusterSnapshotAlreadyExistsFault",
  "DBClusterSnapshotNotFoundFault",
  "InvalidDBClusterSnapshotStateFault",
  "KMSKeyNotAccessibleFault",
  "SnapshotQuotaExceededFault",
  "InvalidParameterValue",
  "InvalidParameterCombination",
]);


export function createCopier(options: AwsOptions): AwsCopier {
  const clients = createClients(options);
  return {
    async copySnapshot(region, input: CopyInput) {
      try {
        const out = await clients.neptune(region).send(new CopyDBClusterSnapshotCommand({ ...input }));
        return { snapshot: plain<{ DBClusterSnapshot: Snapshot }>(out).DBClusterSnapshot };
      } catch (error) {
        const name = (error as { name?: string }).name ?? "Error";
        if (COPY_FAULTS.has(name)) return { error: { code: name, message: (error as Error).message } };
        throw toAwsError(error, "rds", "CopyDBClusterSnapshot", region);
      }
    },
    async pollSnapshot(region, identifier) {
      try {
        // As the API requires: automated snapshots are looked up with their type named.
        const automated = identifier.startsWith("rds:");
        const out = await clients.neptune(region).send(new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: identifier, ...(automated ? { SnapshotType: "automated" } : {}) }));
        return plain<{ DBClusterSnapshots?: Snapshot[] }>(out).DBClusterSnapshots?.[0] ?? null;
      } catch (error) {
        if ((error as { name?: string }).name === "DBClusterSnapshotNotFoundFault") return null;
        throw toAwsError(error, "rds", "DescribeDBClusterSnapshots", region);
      }
    },
  };
}
