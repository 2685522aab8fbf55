// Start the planned copies and (with --wait) follow them to the end, as SPEC §6 says:
// - each copy is started at most once, never after the run has stopped;
// - at most `maxInProgress` copies are in progress per destination region and account (AWS's limit),
//   counting copies of this run's targets already in progress; the rest wait for a free place under
//   --wait, or are `not-started` without it (a rerun continues);
// - a fault no retry can cure (access refused, credentials missing or expired) stops the run at once:
//   nothing more is started or waited for, and every request still gets its outcome;
// - transient faults while waiting only delay the next look, until the --timeout deadline, which
//   also bounds every single look.
import type { AwsCopier } from "../aws/types.js";
import { AwsError } from "../aws/types.js";
import { isFatal } from "../aws/errors.js";
import { createLimit, type Limit } from "../aws/limit.js";
import { destinationOf, existingCopy, isCopyOf, type CopyItem } from "./plan.js";
import { lookAt, sleep } from "./wait.js";

export interface ExecuteOptions {
  /** AWS calls at once. */
  concurrency: number;
  /** Copies in progress at once per destination region and account. */
  maxInProgress: number;
  /** Follow copies until they end (or the deadline). */
  wait: boolean;
  /** First pause between looks; it grows by half each time, to 8 times this at most. */
  pollMs: number;
  /** The deadline of the whole wait, from the start of the run. */
  timeoutMs: number;
  /** Ctrl-C: stop starting and waiting. */
  signal: AbortSignal;
  onChange?: (item: CopyItem) => void;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface ExecuteResult {
  /** The fault that stopped the run, if one did. */
  fatal?: AwsError;
  /** Whether the --timeout deadline passed with copies unfinished or unstarted. */
  timedOut: boolean;
}

interface Run {
  options: ExecuteOptions;
  copier: AwsCopier;
  limit: Limit;
  fatal?: AwsError;
}

const stopped = (run: Run) => run.fatal !== undefined || run.options.signal.aborted;
const active = (item: CopyItem) => item.outcome === "started" || item.outcome === "in-progress";

/** A thrown error as an AwsError (a bug in a layer below still becomes this request's outcome). */
function asAwsError(error: unknown): AwsError {
  return error instanceof AwsError ? error : new AwsError(`unexpected error: ${(error as Error)?.message ?? String(error)}`, "InternalError");
}

/** CopyDBClusterSnapshot for one planned request; its outcome is set whatever happens. */
async function startOne(item: CopyItem, run: Run): Promise<void> {
  const region = item.region!;
  const input = item.input!;
  try {
    const result = await run.copier.copySnapshot(region, input);
    if ("snapshot" in result) {
      item.outcome = "started";
      item.status = result.snapshot.Status;
      item.percentProgress = result.snapshot.PercentProgress;
    } else if (result.error.code === "DBClusterSnapshotAlreadyExistsFault") {
      // The target appeared since the plan was made: settle it as the plan would have.
      const target = await run.copier.pollSnapshot(region, input.TargetDBClusterSnapshotIdentifier);
      const source = input.SourceDBClusterSnapshotIdentifier.startsWith("arn:")
        ? { DBClusterSnapshotArn: input.SourceDBClusterSnapshotIdentifier }
        : await run.copier.pollSnapshot(region, input.SourceDBClusterSnapshotIdentifier);
      if (target && isCopyOf(target, source)) Object.assign(item, existingCopy(item, target));
      else {
        item.outcome = "conflict";
        item.reason = "a different snapshot with the target identifier appeared meanwhile; it is never overwritten";
        item.error = result.error;
      }
    } else {
      item.outcome = "failed";
      item.error = result.error;
    }
  } catch (thrown) {
    const error = asAwsError(thrown);
    if (item.outcome === "planned") {
      item.outcome = "failed";
      item.error = { code: error.kind, message: error.message };
    }
    if (isFatal(error)) run.fatal ??= error;
  }
  run.options.onChange?.(item);
}

/**
 * Start, in order, every queued request whose destination has room, until none fits or the run
 * stops; returns how many were started (a failed start frees its place for the next).
 */
async function startWhatFits(queue: CopyItem[], items: readonly CopyItem[], run: Run): Promise<number> {
  let attempted = 0;
  for (;;) {
    const busy = new Map<string, number>();
    for (const item of items) if (active(item)) busy.set(destinationOf(item), (busy.get(destinationOf(item)) ?? 0) + 1);
    const batch: CopyItem[] = [];
    for (const item of queue) {
      const d = destinationOf(item);
      if ((busy.get(d) ?? 0) >= run.options.maxInProgress) continue;
      busy.set(d, (busy.get(d) ?? 0) + 1);
      batch.push(item);
    }
    if (batch.length === 0 || stopped(run)) return attempted;
    for (const item of batch) queue.splice(queue.indexOf(item), 1);
    await Promise.all(
      batch.map((item) =>
        run.limit(async () => {
          // Checked right before the call: a fault or Ctrl-C while waiting for a turn starts nothing more.
          if (stopped(run)) queue.push(item);
          else {
            attempted++;
            await startOne(item, run);
          }
        }),
      ),
    );
  }
}

/** One look at an active copy, abandoned at the deadline; a fatal fault stops the run. */
async function look(item: CopyItem, run: Run, deadline: number, now: () => number): Promise<void> {
  const remaining = Math.max(1, Math.ceil(deadline - now()));
  const signal = AbortSignal.any([run.options.signal, AbortSignal.timeout(remaining)]);
  const before = `${item.outcome}/${item.status}/${item.percentProgress}`;
  try {
    await lookAt(item, run.copier, signal);
    if (`${item.outcome}/${item.status}/${item.percentProgress}` !== before) run.options.onChange?.(item);
  } catch (thrown) {
    if (signal.aborted) return;
    const error = asAwsError(thrown);
    // Anything else (throttling, 5xx, no answer in time, an odd answer) waits for the next look.
    if (isFatal(error)) run.fatal ??= error;
    else item.lastError = error.message;
  }
}

function settle(items: readonly CopyItem[], queue: readonly CopyItem[], run: Run, timedOut: boolean): void {
  const { options } = run;
  for (const item of queue) {
    item.outcome = "not-started";
    item.reason = run.fatal
      ? `the run stopped before this copy was started: ${run.fatal.message}`
      : options.signal.aborted
        ? "interrupted before this copy was started"
        : timedOut
          ? `--timeout ran out before a place was free: at most ${options.maxInProgress} copies may be in progress in ${item.region}${item.account ? ` for account ${item.account}` : ""}`
          : `at most ${options.maxInProgress} copies may be in progress in ${item.region}${item.account ? ` for account ${item.account}` : ""}: run again when some have finished, or use --wait`;
  }
  for (const item of items.filter(active)) {
    const status = item.status ?? "copying";
    if (run.fatal && options.wait) item.reason = `still ${status} when the run stopped; the copy goes on in AWS`;
    else if (timedOut) item.reason = `still ${status} when --timeout ran out; the copy goes on in AWS${item.lastError ? ` (last look: ${item.lastError})` : ""}`;
  }
}

export async function runCopies(items: CopyItem[], copier: AwsCopier, options: ExecuteOptions): Promise<ExecuteResult> {
  const now = options.now ?? Date.now;
  const pauseFor = options.sleep ?? sleep;
  const deadline = now() + options.timeoutMs;
  const run: Run = { options, copier, limit: createLimit(options.concurrency) };
  const queue = items.filter((item) => item.outcome === "planned");
  let pause = options.pollMs;
  let timedOut = false;
  for (;;) {
    if ((await startWhatFits(queue, items, run)) > 0) pause = options.pollMs;
    if (stopped(run) || !options.wait) break;
    const following = items.filter(active);
    if (following.length === 0 && queue.length === 0) break;
    if (now() >= deadline) {
      timedOut = true;
      break;
    }
    await pauseFor(Math.min(pause, deadline - now()), options.signal);
    if (stopped(run)) break;
    await Promise.all(following.map((item) => run.limit(() => (stopped(run) ? Promise.resolve() : look(item, run, deadline, now)))));
    pause = Math.min(pause * 1.5, options.pollMs * 8);
  }
  settle(items, queue, run, timedOut);
  return { ...(run.fatal ? { fatal: run.fatal } : {}), timedOut };
}
