// `audit --inventory FILE` or `audit --live [--region R]…`: check existing snapshots.
import { mkdirSync } from "node:fs";
import { writeFileSafely } from "../io/write.js";
import { printable } from "../report/escape.js";
import { join, resolve } from "node:path";
import { listingRegions } from "../config/destination.js";
import { gatherLive } from "../facts/gather.js";
import { loadInventory } from "../facts/inventory.js";
import { indexFacts } from "../facts/source.js";
import type { RunResult, Snapshot, SubjectResult } from "../model/types.js";
import { runSnapshots, type SnapshotBatch } from "../pipeline/index.js";
import { regionList, type CommonArgs } from "./args.js";
import { connect, endProgress } from "./aws.js";
import { UsageError } from "./errors.js";
import { finish } from "./finish.js";
import { reportTargets } from "./options.js";
import { loadPolicy, type Policy } from "./policy.js";

async function writeRemediation(dir: string, cwd: string, run: RunResult, batches: SnapshotBatch[], policy: Policy): Promise<void> {
  const { planRemediation } = await import("../copy/remediate.js");
  const byFile = new Map(batches.map((b) => [b.file, b]));
  const categories = new Map(policy.rules.map((r) => [r.id, r.category]));
  const snapshotOf = (r: SubjectResult) => byFile.get(r.file)?.snapshots[r.index] as Snapshot | undefined;
  const { plans, unfixable } = planRemediation(run.results, snapshotOf, (id) => categories.get(id), policy.config.remediation);
  const target = resolve(cwd, dir);
  try {
    mkdirSync(target, { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot write --plan-remediation ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  for (const [file, plan] of plans) {
    try {
      // The tool names these files: a link planted under one of the names is refused, never followed.
      writeFileSafely(join(target, file), JSON.stringify(plan, null, 2) + "\n", { links: { kind: "refuse" } });
    } catch (error) {
      throw new UsageError(`cannot write --plan-remediation ${dir}: ${join(dir, file)}: ${(error as Error).message}`);
    }
  }
  const copies = [...plans.values()].reduce((n, p) => n + p.copies.length, 0);
  process.stderr.write(`Remediation: ${copies} cop${copies === 1 ? "y" : "ies"} planned in ${plans.size} file${plans.size === 1 ? "" : "s"} under ${dir} (lint them, then copy --apply).\n`);
  for (const u of unfixable) process.stderr.write(`Remediation: cannot fix ${printable(u.arn)} by copying: ${printable(u.reason)}.\n`);
}

/** The snapshots to judge and the facts to judge them by: an inventory file, or live listings. */
async function snapshotSource(args: CommonArgs, configRegion: string | undefined, cwd: string) {
  if (args.inventory !== undefined) {
    const { inventory, file, absolute } = await loadInventory(args.inventory, cwd);
    const batch: SnapshotBatch = { file, settingsPath: absolute, snapshots: inventory.snapshots, pointer: "/DBClusterSnapshots", locate: inventory.locate };
    return { batches: [batch], facts: indexFacts(inventory.index) };
  }
  const regions = listingRegions(regionList(args), configRegion, process.env);
  if (regions.length === 0) throw new UsageError("audit --live needs a region: give --region R (repeatable), or set AWS_REGION");
  const live = await gatherLive(await connect(args), regions);
  endProgress();
  return { batches: live.listings.map((l): SnapshotBatch => ({ file: `aws:${l.region}`, snapshots: l.snapshots })), facts: indexFacts(live.index, "live") };
}

export async function auditCommand(args: CommonArgs & { "plan-remediation"?: string }): Promise<number> {
  const cwd = process.cwd();
  if ((args.inventory === undefined) === !args.live) throw new UsageError("audit needs exactly one of --inventory FILE and --live");
  const policy = await loadPolicy(args.config, args.rule, cwd);
  const { batches, facts } = await snapshotSource(args, policy.config.region, cwd);
  const run = runSnapshots({ config: policy.config, rules: policy.rules, cliRules: policy.cliRules, batches, facts, ...(args["require-facts"] ? { requireFacts: true } : {}) });
  if (args["plan-remediation"] !== undefined) await writeRemediation(args["plan-remediation"], cwd, run, batches, policy);
  return finish(run, policy.rules, { reports: reportTargets(args), quiet: args.quiet, maxWarnings: args["max-warnings"], color: args.color, cwd });
}
