// `audit --inventory FILE` or `audit --live [--region R]…`: check existing snapshots.
import { audit, type SnapshotBatch } from "../audit.js";
import { FactIndex } from "../facts/index.js";
import { UsageError } from "./errors.js";
import { connect, endProgress, loadInventory, regionsOf } from "./facts.js";
import type { CommonArgs } from "./main.js";
import { loadPolicy } from "./policy.js";
import { finish } from "./report.js";
import { gatherLive } from "./gather.js";

export async function auditCommand(args: CommonArgs): Promise<number> {
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
  return finish(run, policy.rules, { format: args.format, output: args.output, quiet: args.quiet, maxWarnings: args["max-warnings"], color: args.color, cwd });
}
