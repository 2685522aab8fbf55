// The fault matrix of `copy` (SPEC §6): each fault at each phase — plan (live facts), start
// (CopyDBClusterSnapshot), wait (DescribeDBClusterSnapshots of started copies) — on the emulator with
// the real CLI. Fatal faults stop the run at once with the full report and exit 2; transient ones are
// one request's failure (start) or only delay the wait (wait); nothing is ever started twice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator, type FaultRule } from "../support/aws-emulator/index.js";
import { cli, workdir } from "../support/cli.js";

const ACCOUNT = "111122223333";
const KEY = "0b9e8d7c-6a5b-4c3d-8e2f-1a0b9c8d7e6f";
let emulator: Emulator;
let serial = 0;

const env = { AWS_ACCESS_KEY_ID: "AKIAEMULATOR", AWS_SECRET_ACCESS_KEY: "emulator-secret-key", AWS_REGION: "us-east-1", AWS_EC2_METADATA_DISABLED: "true", AWS_CONFIG_FILE: "/nonexistent/c", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/c" };

interface Item {
  id: string;
  outcome: string;
  reason?: string;
  error?: { code: string; message: string };
}

type Phase = "plan" | "start" | "wait";

interface Case {
  phase: Phase;
  fault: Omit<FaultRule, "operation">;
  args?: string[];
  /** Exit code. */
  code: number;
  /** Outcomes of the three requests, in order; undefined when no report is expected (plan faults). */
  outcomes?: string[];
  /** The error code of the request that met the fault. */
  error?: string;
  /** Copies made (the SDK may resend a call that got no answer or a 5xx: AWS then answers AlreadyExists). */
  copies: number;
  /** CopyDBClusterSnapshot calls sent, when it matters (after a fatal fault, none more). */
  calls?: number;
  /** Upper bound on the run's wall time in seconds. */
  within?: number;
}

const FAST = ["--poll-interval", "0.05", "--concurrency", "1", "--max-in-progress", "1"];
const XML_ERROR_AS_200 = `<ErrorResponse><Error><Code>InternalFailure</Code><Message>oops</Message></Error></ErrorResponse>`;

// Three requests, at most one copy in progress at a time: request 1 starts, request 2 is started only
// when 1 is available, so every phase of every request can be hit.
const CASES: Record<string, Case> = {
  "plan × AccessDenied": { phase: "plan", fault: { kind: "accessDenied" }, code: 2, copies: 0, calls: 0 },
  "plan × ExpiredToken": { phase: "plan", fault: { kind: "expiredToken" }, code: 2, copies: 0 },
  "plan × throttling past the retries": { phase: "plan", fault: { kind: "throttle", times: 5 }, code: 2, copies: 0 },
  "plan × 5xx storm": { phase: "plan", fault: { kind: "500" }, code: 2, copies: 0 },
  "plan × no answer": { phase: "plan", fault: { kind: "hang" }, args: ["--read-timeout", "0.2"], code: 2, copies: 0, calls: 0, within: 20 },
  "start × AccessDenied on the 2nd copy": { phase: "start", fault: { kind: "accessDenied", after: 1 }, code: 2, outcomes: ["available", "failed", "not-started"], error: "AccessDenied", copies: 1, calls: 2 },
  "start × ExpiredToken on the 2nd copy": { phase: "start", fault: { kind: "expiredToken", after: 1 }, code: 2, outcomes: ["available", "failed", "not-started"], error: "ExpiredToken", copies: 1, calls: 2 },
  "start × throttling past the retries": { phase: "start", fault: { kind: "throttle", after: 1, times: 5 }, code: 1, outcomes: ["available", "failed", "available"], error: "Throttled", copies: 2 },
  "start × 5xx storm": { phase: "start", fault: { kind: "500", after: 1, times: 5 }, code: 1, outcomes: ["available", "failed", "available"], error: "ServerError", copies: 2 },
  "start × no answer": { phase: "start", fault: { kind: "hang", after: 1, times: 5 }, args: ["--read-timeout", "0.3"], code: 1, outcomes: ["available", "failed", "available"], error: "Timeout", copies: 2, within: 20 },
  "start × HTTP 200, empty body": { phase: "start", fault: { kind: "malformed", after: 1, times: 1 }, code: 1, outcomes: ["available", "failed", "available"], error: "MalformedResponse", copies: 2 },
  "start × HTTP 200, error body": { phase: "start", fault: { kind: "malformed", after: 1, times: 1, body: XML_ERROR_AS_200 }, code: 1, outcomes: ["available", "failed", "available"], error: "MalformedResponse", copies: 2 },
  "wait × AccessDenied": { phase: "wait", fault: { kind: "accessDenied" }, code: 2, outcomes: ["started", "not-started", "not-started"], copies: 1, calls: 1 },
  "wait × ExpiredToken": { phase: "wait", fault: { kind: "expiredToken" }, code: 2, outcomes: ["started", "not-started", "not-started"], copies: 1, calls: 1 },
  "wait × throttling, then it passes": { phase: "wait", fault: { kind: "throttle", times: 4 }, code: 0, outcomes: ["available", "available", "available"], copies: 3 },
  "wait × 5xx, then it passes": { phase: "wait", fault: { kind: "500", times: 4 }, code: 0, outcomes: ["available", "available", "available"], copies: 3 },
  "wait × throttling until --timeout": { phase: "wait", fault: { kind: "throttle" }, args: ["--timeout", "3"], code: 1, outcomes: ["started", "not-started", "not-started"], copies: 1, within: 12 },
  "wait × no answer until --timeout": { phase: "wait", fault: { kind: "hang" }, args: ["--timeout", "3"], code: 1, outcomes: ["started", "not-started", "not-started"], copies: 1, within: 8 },
};

beforeAll(async () => {
  emulator = await startEmulator();
  emulator.state.copyStep = 100;
  emulator.state.addKey("us-east-1", { KeyId: KEY });
  emulator.state.addAlias("us-east-1", "alias/neptune", KEY);
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.faults.clear();
  emulator.state.beforeCopy = undefined;
});

describe("copy: fault × phase", () => {
  it.each(Object.entries(CASES))("%s", { timeout: 60_000 }, async (_name, c) => {
    const n = ++serial;
    const sources = [0, 1, 2].map((i) => `fm${n}-src-${i}`);
    for (const id of sources) emulator.state.addSnapshot("us-east-1", { DBClusterSnapshotIdentifier: id, StorageEncrypted: true, KmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY}` });
    const targets = sources.map((s) => `${s}-copy`);
    const plan = { region: "us-east-1", copies: sources.map((s, i) => ({ SourceDBClusterSnapshotIdentifier: s, TargetDBClusterSnapshotIdentifier: targets[i], KmsKeyId: "alias/neptune" })) };
    const dir = workdir({ "plan.json": JSON.stringify(plan) });

    if (c.phase === "plan") emulator.faults.add({ ...c.fault, operation: "DescribeDBClusterSnapshots" });
    if (c.phase === "start") emulator.faults.add({ ...c.fault, operation: "CopyDBClusterSnapshot" });
    // Waiting faults begin with the first copy: the plan's own lookups have all been answered by then.
    if (c.phase === "wait") {
      emulator.state.beforeCopy = () => {
        emulator.faults.add({ ...c.fault, operation: "DescribeDBClusterSnapshots" });
        emulator.state.beforeCopy = undefined;
      };
    }
    const copiesBefore = emulator.count("CopyDBClusterSnapshot");
    const began = Date.now();
    const args = c.args ?? [];
    const out = await cli(["copy", "plan.json", "--apply", "--wait", ...FAST, ...(args.includes("--timeout") ? [] : ["--timeout", "20"]), ...args, "--endpoint-url", emulator.url, "--no-config", "--format", "json"], { env, cwd: dir });
    const seconds = (Date.now() - began) / 1000;
    emulator.faults.clear();

    expect(out.code, out.stderr + out.stdout).toBe(c.code);
    expect(out.stderr).not.toMatch(/^(neptune-snapshot-policy: )?internal error|\n\s+at \S+:\d+/m);
    expect(targets.filter((t) => emulator.state.snapshots.has(`arn:aws:rds:us-east-1:${ACCOUNT}:cluster-snapshot:${t}`))).toHaveLength(c.copies);
    if (c.calls !== undefined) expect(emulator.count("CopyDBClusterSnapshot") - copiesBefore).toBe(c.calls);
    if (c.within !== undefined) expect(seconds).toBeLessThan(c.within);
    if (c.outcomes === undefined) {
      expect(out.stderr).toMatch(/DescribeDBClusterSnapshots/);
      return;
    }
    const report = JSON.parse(out.stdout) as { stopped?: string; results: Item[] };
    expect(report.results.map((r) => r.outcome)).toEqual(c.outcomes);
    if (c.error !== undefined) expect(report.results.find((r) => r.outcome === "failed")?.error?.code).toBe(c.error);
    if (c.code === 2) {
      expect(report.stopped).toMatch(/AccessDenied|expired/);
      expect(out.stderr).toMatch(/copy: stopped \(exit 2\)/);
      for (const r of report.results.filter((x) => x.outcome === "not-started")) expect(r.reason).toMatch(/the run stopped before this copy was started/);
    } else expect(report.stopped).toBeUndefined();
    if (c.error === "MalformedResponse") expect(report.results[1]!.error!.message).toMatch(/HTTP 200/);
  });
});
