// `audit --inventory FILE` or `audit --live [--region R]…`: check existing snapshots.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { audit, type SnapshotBatch } from "../audit.js";
import type { RemediationSettings } from "../config/load.js";
import type { RunResult, Snapshot } from "../model/types.js";
import { FactIndex } from "../facts/index.js";
import { UsageError } from "./errors.js";
import { connect, endProgress, loadInventory, regionsOf } from "./facts.js";
import type { CommonArgs } from "./main.js";
import { loadPolicy } from "./policy.js";
import { finish } from "./report.js";
import { gatherLive } from "./gather.js";

async function writeRemediation(dir: string, cwd: string, run: RunResult, batches: SnapshotBatch[], settings: RemediationSettings | undefined): Promise<void> {
  const { planRemediation } = await import("../copy/remediate.js");
  const byFile = new Map(batches.map((b) => [b.file, b]));
  const { plans, unfixable } = planRemediation(run.results, (r) => byFile.get(r.file)?.snapshots[r.index] as Snapshot | undefined, settings);
  const target = resolve(cwd, dir);
  try {
    mkdirSync(target, { recursive: true });
    for (const [file, plan] of plans) writeFileSync(join(target, file), JSON.stringify(plan, null, 2) + "\n");
  } catch (error) {
    throw new UsageError(`cannot write --plan-remediation ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const copies = [...plans.values()].reduce((n, p) => n + p.copies.length, 0);
  process.stderr.write(`Remediation: ${copies} cop${copies === 1 ? "y" : "ies"} planned in ${plans.size} file${plans.size === 1 ? "" : "s"} under ${dir} (lint them, then copy --apply).\n`);
  for (const u of unfixable) process.stderr.write(`Remediation: cannot fix ${u.arn} by copying: ${u.reason}.\n`);
}

export async function auditCommand(args: CommonArgs & { "plan-remediation"?: string }): Promise<number> {
  const cwd = process.cwd();
  if ((args.inventory === undefined) === !args.live) throw new UsageError("audit needs exactly one of --inventory FILE and --live");
  const policy = await loadPolicy(args.config, args.rule, cwd);
  let batches: SnapshotBatch[];
  let index: FactIndex;
  if (args.inventory !== undefined) {
    const { inventory, file, absolute } = await loadInventory(args.inventory, cwd);
    index = inventory.index;
    batches = [
      {
        file,
        settingsPath: absolute,
        snapshots: inventory.snapshots,
        pointer: "/DBClusterSnapshots",
        locate: inventory.locate,
      },
    ];
  } else {
    const regions = regionsOf(args, policy.config.region, process.env);
    if (regions.length === 0) throw new UsageError("audit --live needs a region: give --region R (repeatable), or set AWS_REGION");
    const aws = await connect(args);
    const live = await gatherLive(aws, regions);
    endProgress();
    index = live.index;
    batches = live.listings.map((l) => ({ file: `aws:${l.region}`, snapshots: l.snapshots }));
  }
  const run = audit({ config: policy.config, rules: policy.rules, cliRules: policy.cliRules, batches, index });
  if (args["plan-remediation"] !== undefined) await writeRemediation(args["plan-remediation"], cwd, run, batches, policy.config.remediation);
  return finish(run, policy.rules, { format: args.format, output: args.output, quiet: args.quiet, maxWarnings: args["max-warnings"], color: args.color, cwd });
}
