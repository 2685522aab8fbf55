// `export --region R… [--output FILE]`: write an inventory (SPEC §2) from live AWS, which `audit
// --inventory` and `lint --inventory` read back to the same findings as `--live`.
import { listingRegions } from "../config/destination.js";
import { gatherAliases, gatherLive } from "../facts/gather.js";
import { regionList, type CommonArgs } from "./args.js";
import { connect, endProgress } from "./aws.js";
import { UsageError } from "./errors.js";
import { EXIT } from "./errors.js";
import { writeReport } from "./output.js";
import { findConfig, loadConfig } from "../config/load.js";
import { RULES } from "../../rules/index.js";

export async function exportCommand(args: CommonArgs & { output?: string }): Promise<number> {
  const cwd = process.cwd();
  let configRegion: string | undefined;
  if (args.config !== false) {
    const path = args.config ?? findConfig(cwd);
    if (path !== undefined) configRegion = (await loadConfig(path, RULES)).region;
  }
  const regions = listingRegions(regionList(args), configRegion, process.env);
  if (regions.length === 0) throw new UsageError("export needs a region: give --region R (repeatable), or set AWS_REGION");
  const aws = await connect(args);
  const [live, aliases] = await Promise.all([gatherLive(aws, regions), gatherAliases(aws, regions)]);
  endProgress();
  const inventory = { DBClusterSnapshots: live.listings.flatMap((l) => l.snapshots), Keys: live.keys, Aliases: aliases };
  writeReport(JSON.stringify(inventory, null, 2) + "\n", args.output, cwd);
  const count = inventory.DBClusterSnapshots.length;
  process.stderr.write(`Exported ${count} snapshot${count === 1 ? "" : "s"}, ${live.keys.length} KMS key${live.keys.length === 1 ? "" : "s"} and ${aliases.length} alias${aliases.length === 1 ? "" : "es"} from ${regions.join(", ")}${args.output ? ` to ${args.output}` : ""}.\n`);
  return EXIT.ok;
}
