// `audit --inventory FILE` or `audit --live [--region R]…`: check existing snapshots. The report is
// written as the snapshots are judged: an inventory is read one snapshot at a time.
import { mkdirSync } from "node:fs";
import { writeFileSafely } from "../io/write.js";
import { printable } from "../report/escape.js";
import { join, resolve } from "node:path";
import { listingRegions } from "../config/destination.js";
import { gatherLive } from "../facts/gather.js";
import { openInventory } from "../facts/inventory-open.js";
import { indexFacts } from "../facts/source.js";
import type { Snapshot, SubjectResult } from "../model/types.js";
import { listed, runSnapshots, type SnapshotBatch } from "../pipeline/index.js";
import { regionList, type CommonArgs } from "./args.js";
import { connect, endProgress } from "./aws.js";
import { UsageError } from "./errors.js";
import { Reports } from "./finish.js";
import { reportTargets } from "./options.js";
import { loadPolicy, type Policy } from "./policy.js";

/** --plan-remediation: the results remediation acts on, each with its snapshot; nothing else is kept. */
class RemediationInput {
  readonly snapshots = new Map<SubjectResult, Snapshot>();

  constructor(private readonly wanted: (result: SubjectResult) => boolean) {}

  readonly add = (result: SubjectResult, snapshot: unknown): void => {
    if (this.wanted(result)) this.snapshots.set(result, snapshot as Snapshot);
  };
}

/** The folder for --plan-remediation, made before the run: a run never ends with its report half-written for want of it. */
function remediationFolder(dir: string, cwd: string): string {
  const target = resolve(cwd, dir);
  try {
    mkdirSync(target, { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot write --plan-remediation ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return target;
}

async function writeRemediation(dir: string, target: string, input: RemediationInput, policy: Policy): Promise<void> {
  const { planRemediation } = await import("../copy/remediate.js");
  const categories = new Map(policy.rules.map((r) => [r.id, r.category]));
  const { plans, unfixable } = planRemediation([...input.snapshots.keys()], (r) => input.snapshots.get(r), (id) => categories.get(id), policy.config.remediation);
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
    const inventory = await openInventory(args.inventory, cwd);
    const batch: SnapshotBatch = { file: inventory.file, settingsPath: inventory.absolute, snapshots: inventory.snapshots, pointer: "/DBClusterSnapshots" };
    return { batches: [batch], facts: indexFacts(inventory.index) };
  }
  const regions = listingRegions(regionList(args), configRegion, process.env);
  if (regions.length === 0) throw new UsageError("audit --live needs a region: give --region R (repeatable), or set AWS_REGION");
  const live = await gatherLive(await connect(args), regions);
  endProgress();
  return { batches: live.listings.map((l): SnapshotBatch => ({ file: `aws:${l.region}`, snapshots: listed(l.snapshots) })), facts: indexFacts(live.index, "live") };
}

export async function auditCommand(args: CommonArgs & { "plan-remediation"?: string }): Promise<number> {
  const cwd = process.cwd();
  if ((args.inventory === undefined) === !args.live) throw new UsageError("audit needs exactly one of --inventory FILE and --live");
  const policy = await loadPolicy(args.config, args.rule, cwd);
  const { batches, facts } = await snapshotSource(args, policy.config.region, cwd);
  const dir = args["plan-remediation"];
  const remediation = dir === undefined ? undefined : { input: new RemediationInput(await remediationWanted(policy)), target: remediationFolder(dir, cwd) };
  const reports = new Reports(policy.rules, { reports: reportTargets(args), quiet: args.quiet, maxWarnings: args["max-warnings"], color: args.color, cwd });
  try {
    const run = runSnapshots({
      config: policy.config,
      rules: policy.rules,
      cliRules: policy.cliRules,
      batches,
      facts,
      sink: reports.result,
      ...(remediation ? { onSnapshot: remediation.input.add } : {}),
      ...(args["require-facts"] ? { requireFacts: true } : {}),
    });
    if (remediation) await writeRemediation(dir!, remediation.target, remediation.input, policy);
    return reports.finish(run);
  } catch (error) {
    reports.abort();
    throw error;
  }
}

async function remediationWanted(policy: Policy): Promise<(result: SubjectResult) => boolean> {
  const { remediable } = await import("../copy/remediate.js");
  const categories = new Map(policy.rules.map((r) => [r.id, r.category]));
  return (result) => remediable(result, (id) => categories.get(id));
}
