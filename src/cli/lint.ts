// `lint [PATH…]`: check proposed copy requests, with facts from --inventory or --live when given.
import { lint } from "../lint.js";
import { indexFacts, liveFacts, type FactSource } from "../facts/source.js";
import type { CommonArgs } from "./main.js";
import { loadPolicy } from "./policy.js";
import { finish } from "./report.js";
import { UsageError } from "./errors.js";
import { connect, loadInventory } from "./facts.js";

export async function lintCommand(args: CommonArgs & { paths: string[] }): Promise<number> {
  const cwd = process.cwd();
  if (args.live && args.inventory !== undefined) throw new UsageError("give --inventory FILE or --live, not both");
  const policy = await loadPolicy(args.config, args.rule, cwd);
  const region = Array.isArray(args.region) ? args.region.at(-1) : args.region;
  let facts: FactSource | undefined;
  let fallbackAccount: string | undefined;
  if (args.inventory !== undefined) {
    facts = indexFacts((await loadInventory(args.inventory, cwd)).inventory.index);
  } else if (args.live) {
    const aws = await connect(args);
    facts = liveFacts(aws);
    fallbackAccount = await aws.callerAccount();
  }
  const run = await lint({
    cwd,
    paths: args.paths.length ? args.paths : ["."],
    config: policy.config,
    rules: policy.rules,
    cliRules: policy.cliRules,
    region,
    account: args.account === undefined ? undefined : String(args.account),
    facts,
    fallbackAccount,
  });
  return finish(run, policy.rules, {
    format: args.format,
    output: args.output,
    quiet: args.quiet,
    maxWarnings: args["max-warnings"],
    color: args.color,
    cwd,
  });
}
