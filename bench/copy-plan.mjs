#!/usr/bin/env node
// copy (dry run) of 1,000 requests with live facts on the loopback emulator: wall time and API calls
// by operation. Every distinct snapshot and key is asked for once.
//
// usage: node bench/copy-plan.mjs [--requests N] [--latency MS]
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { flag, loadEmulator, root } from "./emulator.mjs";

const total = Number(flag("requests", 1000));
const latency = Number(flag("latency", 0));
const regions = ["us-east-1", "us-west-2", "eu-west-1"];

const work = join(root, "bench/.work");
const { startEmulator } = await loadEmulator();
const emulator = await startEmulator();
emulator.latencyMs = latency;

const plans = join(work, `copy-plans-${total}`);
rmSync(plans, { recursive: true, force: true });
mkdirSync(plans, { recursive: true });
regions.forEach((region, r) => {
  const keyId = `${String(r).padStart(8, "0")}-1111-4222-8333-444455556666`;
  emulator.state.addKey(region, { KeyId: keyId });
  emulator.state.addAlias(region, "alias/neptune", keyId);
  const copies = [];
  for (let i = r; i < total; i += regions.length) {
    emulator.state.addSnapshot(region, { DBClusterSnapshotIdentifier: `graph-${i}`, StorageEncrypted: true, KmsKeyId: `arn:aws:kms:${region}:111122223333:key/${keyId}` }, { tags: [{ Key: "Owner", Value: "graph-team" }] });
    copies.push({ SourceDBClusterSnapshotIdentifier: `graph-${i}`, TargetDBClusterSnapshotIdentifier: `graph-${i}-copy`, KmsKeyId: "alias/neptune", Tags: [{ Key: "Owner", Value: "graph-team" }] });
  }
  writeFileSync(join(plans, `${region}.json`), JSON.stringify({ region, copies }));
});

const env = { ...process.env, AWS_ACCESS_KEY_ID: "AKIABENCH", AWS_SECRET_ACCESS_KEY: "bench", AWS_REGION: "us-east-1", AWS_EC2_METADATA_DISABLED: "true" };
const started = process.hrtime.bigint();
const run = await promisify(execFile)(process.execPath, [join(root, "bin/neptune-snapshot-policy.js"), "copy", plans, "--endpoint-url", emulator.url, "--no-config", "--format", "json"], { env, maxBuffer: 1 << 28 }).catch((e) => e);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
await emulator.close();
const report = JSON.parse(run.stdout);
const byOperation = {};
for (const c of emulator.calls) byOperation[c.operation] = (byOperation[c.operation] ?? 0) + 1;
console.log(`copy (dry run): ${total} requests in ${regions.length} regions, live facts, ${latency} ms latency per call`);
console.log(`wall time: ${seconds.toFixed(2)} s; outcomes: ${JSON.stringify(report.summary)}`);
console.log("calls by operation:");
for (const [op, n] of Object.entries(byOperation).sort()) console.log(`  ${op}: ${n}`);
console.log(`expected at most: ${total} source + ${total} target DescribeDBClusterSnapshots, ${total} ListTagsForResource (found sources), ${regions.length} DescribeKey, 1 GetCallerIdentity; CopyDBClusterSnapshot: 0`);
