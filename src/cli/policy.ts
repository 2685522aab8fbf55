// The policy a run applies: the config (found, named or none) with its custom rules, and --rule flags.
import { closestName } from "../engine/suggest.js";
import { loadLinearEngine } from "../engine/linear.js";
import { loadPolicyValidators } from "../engine/validators.js";
import { ConfigError, findConfig, loadConfig, ruleOptionsProblem } from "../config/load.js";
import type { PolicyConfig } from "../model/policy.js";
import type { CliRuleSetting } from "../model/policy.js";
import type { Rule } from "../engine/rule.js";
import type { SeveritySetting } from "../model/types.js";
import { RULES } from "../../rules/index.js";
import { UsageError } from "./errors.js";

export interface Policy {
  config: PolicyConfig;
  rules: Rule[];
  cliRules: CliRuleSetting[];
}

/** `config`: a path, false for --no-config, undefined to look upwards from cwd. */
export async function loadPolicy(config: string | false | undefined, ruleFlags: readonly string[], cwd: string): Promise<Policy> {
  let loaded: PolicyConfig;
  if (config === false) loaded = { dir: cwd };
  else {
    const path = config ?? findConfig(cwd);
    loaded = path === undefined ? { dir: cwd } : await loadConfig(path, RULES);
  }
  const rules: Rule[] = [...RULES];
  if (loaded.customRules?.length) {
    const { customRule } = await import("../engine/custom-rules.js");
    rules.push(...loaded.customRules.map(customRule));
  }
  // A rule set by --rule has its options checked; options (ID:SEVERITY:JSON) may hold globs or patterns.
  if (ruleFlags.length > 0) await loadPolicyValidators();
  if (ruleFlags.some((flag) => flag.split(":").length > 2)) await loadLinearEngine();
  return { config: loaded, rules, cliRules: ruleFlags.map((flag) => parseRuleFlag(flag, rules)) };
}

const SEVERITIES: readonly SeveritySetting[] = ["off", "warn", "error"];

/** `--rule ID:SEVERITY[:JSON-OPTIONS]` */
export function parseRuleFlag(flag: string, rules: readonly Rule[]): CliRuleSetting {
  const match = /^([^:]+):([^:]+)(?::([\s\S]*))?$/.exec(flag);
  if (!match) throw new UsageError(`--rule ${flag}: expected ID:SEVERITY or ID:SEVERITY:JSON-OPTIONS`);
  const [, id, severity, json] = match as unknown as [string, string, string, string | undefined];
  const rule = rules.find((r) => r.id === id);
  if (rule === undefined) {
    const near = closestName(id, rules.map((r) => r.id));
    throw new UsageError(`--rule ${flag}: unknown rule ${id}${near ? ` (did you mean ${near}?)` : " (see: neptune-snapshot-policy rules)"}`);
  }
  if (!SEVERITIES.includes(severity as SeveritySetting)) throw new UsageError(`--rule ${flag}: severity must be off, warn or error`);
  if (json === undefined) return { id, severity: severity as SeveritySetting };
  let options: unknown;
  try {
    options = JSON.parse(json);
  } catch (error) {
    throw new UsageError(`--rule ${flag}: options are not valid JSON (${(error as Error).message})`);
  }
  if (typeof options !== "object" || options === null || Array.isArray(options)) throw new UsageError(`--rule ${flag}: options must be a JSON object`);
  const problem = ruleOptionsProblem(rule, options as Record<string, unknown>);
  if (problem) throw new UsageError(`--rule ${flag}: ${problem.message}${problem.pointer ? ` (at ${problem.pointer})` : ""}`);
  return { id, severity: severity as SeveritySetting, options: options as Record<string, unknown> };
}

export { ConfigError };
