// `lint [PATH…]`: check proposed copy requests, with facts from --inventory or --live when given.
import { resolve } from "node:path";
import { BaselineError, applyBaseline, baselineOf, readBaseline } from "../baseline.js";
import { lint, type LintOptions } from "../lint.js";
import { writeReport } from "./output.js";
import { indexFacts, liveFacts, type FactSource } from "../facts/source.js";
import type { CommonArgs } from "./main.js";
import { loadPolicy, type Policy } from "./policy.js";
import { finish } from "./report.js";
import { UsageError } from "./errors.js";
import { connect, loadInventory } from "./facts.js";

export interface LintArgs extends CommonArgs {
  paths: string[];
  baseline?: string;
  "write-baseline"?: string;
  "only-requests"?: boolean;
  fix?: boolean;
  "fix-dry-run"?: boolean;
}

/** What every command that lints requests takes from its arguments: paths, policy, --region, --account. */
export function requestLintOptions(args: CommonArgs & { paths: string[] }, policy: Policy, cwd: string): LintOptions {
  return {
    cwd,
    paths: args.paths.length ? args.paths : ["."],
    config: policy.config,
    rules: policy.rules,
    cliRules: policy.cliRules,
    // --region may be given more than once (audit and export list regions); a request has one destination.
    region: Array.isArray(args.region) ? args.region.at(-1) : args.region,
    account: args.account === undefined ? undefined : String(args.account),
  };
}

export async function lintCommand(args: LintArgs): Promise<number> {
  const cwd = process.cwd();
  if (args.live && args.inventory !== undefined) throw new UsageError("give --inventory FILE or --live, not both");
  const policy = await loadPolicy(args.config, args.rule, cwd);
  let facts: FactSource | undefined;
  let fallbackAccount: string | undefined;
  if (args.inventory !== undefined) {
    facts = indexFacts((await loadInventory(args.inventory, cwd)).inventory.index);
  } else if (args.live) {
    const aws = await connect(args);
    facts = liveFacts(aws);
    fallbackAccount = await aws.callerAccount();
  }
  const found = await lint({
    ...requestLintOptions(args, policy, cwd),
    facts,
    fallbackAccount,
    onlyRequests: args["only-requests"],
    fix: args["fix-dry-run"] ? "dry-run" : args.fix ? "write" : undefined,
  });
  if (found.fixes && found.fixes.length > 0) {
    if (args["fix-dry-run"]) {
      const { unifiedDiff } = await import("../fix/diff.js");
      for (const f of found.fixes) process.stdout.write(unifiedDiff(f.file, f.before, f.after));
    }
    const count = found.fixes.reduce((n, f) => n + f.applied, 0);
    process.stderr.write(`${args["fix-dry-run"] ? "Would fix" : "Fixed"} ${count} problem${count === 1 ? "" : "s"} in ${found.fixes.length} file${found.fixes.length === 1 ? "" : "s"}.\n`);
  }
  let run = found;
  if (args["write-baseline"] !== undefined) {
    const baseline = baselineOf(found);
    writeReport(JSON.stringify(baseline, null, 2) + "\n", args["write-baseline"], cwd);
    process.stderr.write(`Wrote ${baseline.findings.length} finding${baseline.findings.length === 1 ? "" : "s"} to the baseline ${args["write-baseline"]}.\n`);
    run = applyBaseline(found, baseline);
  } else if (args.baseline !== undefined) {
    try {
      run = applyBaseline(found, readBaseline(resolve(cwd, args.baseline)));
    } catch (error) {
      if (error instanceof BaselineError) throw new UsageError(`--baseline ${args.baseline} ${error.message}`);
      throw error;
    }
  }
  return finish(run, policy.rules, {
    format: args.format,
    output: args.output,
    quiet: args.quiet,
    maxWarnings: args["max-warnings"],
    color: args.color,
    cwd,
  });
}
