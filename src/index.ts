// The library: what `import { … } from "neptune-snapshot-policy"` gives. What this file exports is the
// package's public API under semver (README "Library"); every other module is internal and may change
// in any release. It is a facade over the pipeline (src/pipeline/), as the CLI commands are.
import { resolve } from "node:path";
import { RULES } from "../rules/index.js";
import { loadPolicy as loadCliPolicy, type Policy as LoadedPolicy } from "./cli/policy.js";
import { loadInventory } from "./facts/inventory.js";
import { openInventory } from "./facts/inventory-open.js";
import { indexFacts } from "./facts/source.js";
import type { RunResult, SeveritySetting, SubjectKind } from "./model/types.js";
import { runRequests, runSnapshots } from "./pipeline/index.js";

export type { Finding, InputProblem, NotRunNotice, RunResult, RunSummary, Severity, SeveritySetting, SubjectKind, SubjectResult } from "./model/types.js";

declare const POLICY: unique symbol;

/** A loaded policy: pass it to `lint` and `audit`. Its insides are not part of the API. */
export interface Policy {
  /** The config file applied, or undefined for the bundled recommended policy. */
  readonly file: string | undefined;
  readonly [POLICY]: true;
}

const loaded = new WeakMap<Policy, LoadedPolicy>();

export interface PolicyOptions {
  /** Where to look upwards for snapshot-policy.{yml,yaml,json}, and what paths are relative to (default: process.cwd()). */
  cwd?: string;
  /** A config file; `false` for the recommended policy only (default: found upwards from `cwd`). */
  config?: string | false;
  /** Overrides as on the command line: `ID:SEVERITY[:JSON-OPTIONS]`. */
  rules?: readonly string[];
}

/** Load the policy a run applies. Throws an Error naming the file and place when the config is bad. */
export async function loadPolicy(options: PolicyOptions = {}): Promise<Policy> {
  const policy = await loadCliPolicy(options.config, options.rules ?? [], options.cwd ?? process.cwd());
  const handle = Object.freeze({ file: policy.config.path }) as Policy;
  loaded.set(handle, policy);
  return handle;
}

async function policyOf(policy: Policy | undefined, cwd: string): Promise<LoadedPolicy> {
  const found = loaded.get(policy ?? (await loadPolicy({ cwd })));
  if (found === undefined) throw new TypeError("policy: expected the result of loadPolicy()");
  return found;
}

export interface LintOptions {
  /** Paths are relative to it, and results name files relative to it (default: process.cwd()). */
  cwd?: string;
  /** Default: the config found upwards from `cwd`, else the recommended policy. */
  policy?: Policy;
  /** Destination region and account for requests that do not state them (`--region`, `--account`). */
  region?: string;
  account?: string;
  /** An inventory file to take facts from (`--inventory`). */
  inventory?: string;
  /** Skip named files that do not look like requests, as a folder walk does. */
  onlyRequests?: boolean;
  /** A check that could not run for want of facts is a finding (`--require-facts`; default: the config's `requireFacts`). */
  requireFacts?: boolean;
}

/**
 * Lint request files and folders, as `neptune-snapshot-policy lint` does. Unreadable inputs are in
 * `inputErrors` (the CLI's exit 2); findings at error severity are what makes the CLI exit 1.
 */
export async function lint(paths: readonly string[], options: LintOptions = {}): Promise<RunResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const policy = await policyOf(options.policy, cwd);
  const facts = options.inventory === undefined ? undefined : indexFacts((await loadInventory(options.inventory, cwd)).inventory.index);
  const { results, summary, inputErrors } = await runRequests({
    cwd,
    paths: paths.length > 0 ? paths : ["."],
    config: policy.config,
    rules: policy.rules,
    cliRules: policy.cliRules,
    region: options.region,
    account: options.account,
    facts,
    onlyRequests: options.onlyRequests,
    ...(options.requireFacts === undefined ? {} : { requireFacts: options.requireFacts }),
  });
  return { results, summary, inputErrors };
}

export interface AuditOptions {
  cwd?: string;
  policy?: Policy;
  /** As in `LintOptions`. */
  requireFacts?: boolean;
}

/** Audit the snapshots of an inventory file, as `neptune-snapshot-policy audit --inventory FILE` does. */
export async function audit(inventory: string, options: AuditOptions = {}): Promise<RunResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const policy = await policyOf(options.policy, cwd);
  const read = await openInventory(inventory, cwd);
  return runSnapshots({
    config: policy.config,
    rules: policy.rules,
    cliRules: policy.cliRules,
    facts: indexFacts(read.index),
    batches: [{ file: read.file, settingsPath: read.absolute, snapshots: read.snapshots, pointer: "/DBClusterSnapshots" }],
    ...(options.requireFacts === undefined ? {} : { requireFacts: options.requireFacts }),
  });
}

/** A built-in rule, as `neptune-snapshot-policy rules` lists it. */
export interface RuleInfo {
  readonly id: string;
  readonly summary: string;
  readonly subjects: readonly SubjectKind[];
  /** Severity in the bundled recommended policy. */
  readonly recommended: SeveritySetting;
}

/** The built-in rules, in the order `rules` lists them. */
export const rules: readonly RuleInfo[] = Object.freeze(
  RULES.map((r) => Object.freeze({ id: r.id, summary: r.summary, subjects: Object.freeze([...r.subjects]), recommended: r.recommended })),
);
