// The check pipeline (DESIGN.md): located subjects from the inputs, a fact source and the resolved
// settings in; sorted, located findings, not-run notices and one summary out.
export { runRequests, type RequestRun, type RequestRunOptions } from "./requests.js";
export { listed, runSnapshots, type SnapshotBatch, type SnapshotEntry, type SnapshotRunOptions } from "./snapshots.js";
export type { ResultSink } from "./summary.js";
export type { Checked } from "./check.js";
export type { FixRecord } from "./fix.js";
export { DESTINATION_UNKNOWN } from "./not-run.js";
