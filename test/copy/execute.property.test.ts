// The copy executor under random fault sequences (issue 13): whatever AWS answers, in whatever order,
// no copy is started after a fatal fault was answered, none is started twice, no destination ever has
// more copies in progress than allowed, and every request ends with exactly one reportable outcome.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AwsError, type AwsCopier, type CopyInput, type CopyOutcome } from "../../src/aws/types.js";
import { runCopies } from "../../src/copy/execute.js";
import { OUTCOMES } from "../../src/report/copy.js";
import type { CopyItem } from "../../src/copy/plan.js";
import type { Snapshot } from "../../src/model/types.js";

type StartAnswer = "ok" | "quota" | "exists-same" | "exists-other" | "throttled" | "5xx" | "timeout" | "malformed" | "denied" | "expired";
type LookAnswer = "copying" | "available" | "failed" | "gone" | "throttled" | "5xx" | "timeout" | "denied" | "expired";

const FATAL = new Set(["denied", "expired"]);

function thrown(answer: StartAnswer | LookAnswer): AwsError | undefined {
  switch (answer) {
    case "throttled":
      return new AwsError("throttled", "Throttled");
    case "5xx":
      return new AwsError("HTTP 500", "ServerError");
    case "timeout":
      return new AwsError("no answer", "Timeout");
    case "denied":
      return new AwsError("AWS refused rds:CopyDBClusterSnapshot (AccessDenied)", "AccessDenied");
    case "expired":
      return new AwsError("credentials expired", "ExpiredToken");
    default:
      return undefined;
  }
}

interface World {
  starts: string[];
  /** Set when a fatal answer is handed back; a start after it breaks the property. */
  fatalAnswered: boolean;
  startedAfterFatal: string[];
  inProgress: Map<string, number>;
  peak: number;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function copier(world: World, starts: StartAnswer[], looks: LookAnswer[]): AwsCopier {
  let s = 0;
  let l = 0;
  const source = (input: CopyInput) => `arn:aws:rds:us-east-1:111122223333:cluster-snapshot:${input.SourceDBClusterSnapshotIdentifier}`;
  const lastInput = new Map<string, CopyInput>();
  return {
    async copySnapshot(region, input): Promise<CopyOutcome> {
      if (world.fatalAnswered) world.startedAfterFatal.push(input.TargetDBClusterSnapshotIdentifier);
      world.starts.push(input.TargetDBClusterSnapshotIdentifier);
      lastInput.set(input.TargetDBClusterSnapshotIdentifier, input);
      const answer = starts[s++ % starts.length]!;
      await tick();
      const error = thrown(answer);
      if (error) {
        if (FATAL.has(answer)) world.fatalAnswered = true;
        throw error;
      }
      if (answer === "quota") return { error: { code: "SnapshotQuotaExceededFault", message: "quota" } };
      if (answer === "malformed") return { error: { code: "MalformedResponse", message: "AWS answered HTTP 200 without a DBClusterSnapshot" } };
      if (answer === "exists-same" || answer === "exists-other") return { error: { code: "DBClusterSnapshotAlreadyExistsFault", message: "exists" } };
      const n = (world.inProgress.get(region) ?? 0) + 1;
      world.inProgress.set(region, n);
      world.peak = Math.max(world.peak, n);
      return { snapshot: { DBClusterSnapshotIdentifier: input.TargetDBClusterSnapshotIdentifier, Status: "copying", PercentProgress: 0 } };
    },
    async pollSnapshot(region, identifier): Promise<Snapshot | null> {
      const answer = looks[l++ % looks.length]!;
      await tick();
      const error = thrown(answer);
      if (error) {
        if (FATAL.has(answer)) world.fatalAnswered = true;
        throw error;
      }
      if (identifier.startsWith("src-")) return { DBClusterSnapshotIdentifier: identifier, DBClusterSnapshotArn: `arn:aws:rds:${region}:111122223333:cluster-snapshot:${identifier}`, Status: "available" };
      const input = lastInput.get(identifier);
      const end = (status: string) => {
        world.inProgress.set(region, (world.inProgress.get(region) ?? 1) - 1);
        return { DBClusterSnapshotIdentifier: identifier, Status: status, PercentProgress: 100, ...(input ? { SourceDBClusterSnapshotArn: source(input) } : {}) };
      };
      if (answer === "gone") {
        end("gone");
        return null;
      }
      if (answer === "available" || answer === "failed") return end(answer);
      return { DBClusterSnapshotIdentifier: identifier, Status: "copying", PercentProgress: 50, ...(input ? { SourceDBClusterSnapshotArn: source(input) } : {}) };
    },
  };
}

function planned(n: number, regions: number): CopyItem[] {
  return Array.from({ length: n }, (_, i) => ({
    file: "plan.json",
    index: i,
    id: `target-${i}`,
    region: `us-east-${1 + (i % regions)}`,
    account: "111122223333",
    outcome: "planned" as const,
    source: `src-${i}`,
    findings: [],
    input: { SourceDBClusterSnapshotIdentifier: `src-${i}`, TargetDBClusterSnapshotIdentifier: `target-${i}` },
  }));
}

const startAnswers = fc.array(fc.constantFrom<StartAnswer>("ok", "ok", "ok", "quota", "exists-same", "exists-other", "throttled", "5xx", "timeout", "malformed", "denied", "expired"), { minLength: 1, maxLength: 12 });
const lookAnswers = fc.array(fc.constantFrom<LookAnswer>("copying", "available", "available", "failed", "gone", "throttled", "5xx", "timeout", "denied", "expired"), { minLength: 1, maxLength: 12 });

describe("runCopies under random faults", () => {
  it("never starts after a fatal answer, never twice, keeps to the limit, and reports one outcome per request", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        fc.boolean(),
        startAnswers,
        lookAnswers,
        async (n, regions, concurrency, maxInProgress, wait, starts, looks) => {
          const world: World = { starts: [], fatalAnswered: false, startedAfterFatal: [], inProgress: new Map(), peak: 0 };
          const items = planned(n, regions);
          let clock = 0;
          const result = await runCopies(items, copier(world, starts, looks), {
            concurrency,
            maxInProgress,
            wait,
            pollMs: 10,
            timeoutMs: 10_000,
            signal: new AbortController().signal,
            now: () => clock,
            sleep: async (ms) => {
              clock += ms;
              await tick();
            },
          });
          expect(world.startedAfterFatal).toEqual([]);
          expect(new Set(world.starts).size).toBe(world.starts.length);
          expect(items).toHaveLength(n);
          for (const item of items) {
            expect(OUTCOMES).toContain(item.outcome);
            expect(item.outcome).not.toBe("planned");
            if (item.outcome === "not-started") expect(item.reason).toBeTruthy();
            if (item.outcome === "failed") expect(item.error?.code).toBeTruthy();
          }
          // Starts that were answered (copying) never exceed the limit per destination at once.
          expect(world.peak).toBeLessThanOrEqual(maxInProgress);
          if (world.fatalAnswered) expect(result.fatal).toBeDefined();
          else expect(result.fatal).toBeUndefined();
          if (!result.fatal && wait && !result.timedOut) expect(items.filter((i) => i.outcome === "started" || i.outcome === "in-progress")).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
