#!/usr/bin/env node
// audit --live against the loopback emulator: 10,000 snapshots in 5 regions (60% manual, 80%
// tagged), 5 KMS keys, 20 ms added to every call. Reports wall time and AWS calls by operation.
//
// usage: node bench/live.mjs [--snapshots N] [--latency MS] [--concurrency N]
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { flag, loadEmulator, root } from "./emulator.mjs";

const total = Number(flag("snapshots", 10000));
const latency = Number(flag("latency", 20));
const concurrency = flag("concurrency", undefined);
const regions = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1"];

const work = join(root, "bench/.work");
const { startEmulator } = await loadEmulator();

const emulator = await startEmulator();
regions.forEach((region, r) => {
  const keyId = `${String(r).padStart(8, "0")}-1111-4222-8333-444455556666`;
  emulator.state.addKey(region, { KeyId: keyId });
  for (let i = r; i < total; i += regions.length) {
    const manual = i % 5 < 3;
    const id = manual ? `graph-prod-${i}` : `rds:graph-prod-${i}`;
    emulator.state.addSnapshot(
      region,
      { DBClusterSnapshotIdentifier: id, SnapshotType: manual ? "manual" : "automated", StorageEncrypted: true, KmsKeyId: `arn:aws:kms:${region}:111122223333:key/${keyId}` },
      { tags: i % 5 === 4 ? undefined : [{ Key: "Owner", Value: "graph-team" }], restore: manual ? [] : undefined },
    );
  }
});
emulator.latencyMs = latency;

const env = { ...process.env, AWS_ACCESS_KEY_ID: "AKIABENCH", AWS_SECRET_ACCESS_KEY: "bench", AWS_REGION: "us-east-1", AWS_EC2_METADATA_DISABLED: "true" };
const cli = [...(process.env.BENCH_PROF ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof2"] : []), join(root, "bin/neptune-snapshot-policy.js"), "audit", "--live", ...regions.flatMap((r) => ["--region", r]), "--endpoint-url", emulator.url, "--no-config", "--format", "json", "--output", join(work, "live-audit.json")];
if (concurrency) cli.push("--concurrency", concurrency);
const started = process.hrtime.bigint();
const run = await promisify(execFile)(process.execPath, cli, { env }).catch((e) => e);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
if (run.code !== undefined && run.code !== 1) {
  console.error(run.stderr);
  process.exit(2);
}
await emulator.close();

const byOperation = {};
for (const c of emulator.calls) byOperation[c.operation] = (byOperation[c.operation] ?? 0) + 1;
const manual = Math.ceil((total * 3) / 5);
console.log(`audit --live: ${total} snapshots in ${regions.length} regions, ${regions.length} keys, ${latency} ms latency per call, concurrency ${concurrency ?? 8} per region`);
console.log(`wall time: ${seconds.toFixed(2)} s (goal ≤ 5 s)`);
console.log("calls by operation:");
for (const [op, n] of Object.entries(byOperation).sort()) console.log(`  ${op}: ${n}`);
console.log(`goal: ≤ 100 describe pages, ${regions.length} DescribeKey, ≤ 100 tag pages, attributes only for the ${manual} manual snapshots`);
