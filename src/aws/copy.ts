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


/** The HTTP status of an answer the SDK could not read as the operation's result, if it was a success status. */
function successStatus(error: unknown): number | undefined {
  const e = error as { $metadata?: { httpStatusCode?: number }; $response?: { statusCode?: number } };
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  return status !== undefined && status >= 200 && status < 300 ? status : undefined;
}

const malformed = (status: number | undefined) => ({
  error: { code: "MalformedResponse", message: `AWS answered HTTP ${status ?? "?"} without a DBClusterSnapshot in the body: whether the copy began is unknown (a rerun will tell)` },
});

export function createCopier(options: AwsOptions): AwsCopier {
  const clients = createClients(options);
  return {
    async copySnapshot(region, input: CopyInput) {
      try {
        const out = await clients.neptune(region).send(new CopyDBClusterSnapshotCommand({ ...input }));
        const snapshot = plain<{ DBClusterSnapshot?: Snapshot }>(out).DBClusterSnapshot;
        // An answer of another shape (an empty body, an error document sent as 200) is this copy's failure.
        if (typeof snapshot?.DBClusterSnapshotIdentifier !== "string") return malformed(out.$metadata?.httpStatusCode);
        return { snapshot };
      } catch (error) {
        const name = (error as { name?: string }).name ?? "Error";
        if (COPY_FAULTS.has(name)) return { error: { code: name, message: (error as Error).message } };
        const status = successStatus(error);
        if (status !== undefined) return malformed(status);
        throw toAwsError(error, "rds", "CopyDBClusterSnapshot", region);
      }
    },
    async pollSnapshot(region, identifier, signal) {
      try {
        // As the API requires: automated snapshots are looked up with their type named.
        const automated = identifier.startsWith("rds:");
        const command = new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: identifier, ...(automated ? { SnapshotType: "automated" } : {}) });
        const out = await clients.neptune(region).send(command, signal ? { abortSignal: signal } : {});
        return plain<{ DBClusterSnapshots?: Snapshot[] }>(out).DBClusterSnapshots?.[0] ?? null;
      } catch (error) {
        if ((error as { name?: string }).name === "DBClusterSnapshotNotFoundFault") return null;
        throw toAwsError(error, "rds", "DescribeDBClusterSnapshots", region);
      }
    },
  };
}
