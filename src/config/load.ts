// Find, read and validate snapshot-policy.{yml,yaml,json}. Every problem is a ConfigError naming the
// file, the JSON pointer and (where there is one) the line and column: the run exits 2.
import { closestName } from "../engine/suggest.js";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describeSchemaErrors } from "../engine/schema-errors.js";
import { globProblem } from "../engine/glob.js";
import { configNeedsLinearEngine, loadLinearEngine } from "../engine/linear.js";
import { loadPolicyValidators, policyValidators } from "../engine/validators.js";
import { NO_OPTIONS, type Rule } from "../engine/rule.js";
import { InputError, parseText, readText, syntaxOf } from "../input/read.js";
import type { ParsedDocument } from "../input/document.js";
import type { PolicyConfig, RuleSetting } from "../model/policy.js";
import { PARTITIONS, isKnownRegion } from "../model/regions.js";

export const CONFIG_NAMES = ["snapshot-policy.yml", "snapshot-policy.yaml", "snapshot-policy.json"] as const;

export class ConfigError extends InputError {
  constructor(
    readonly file: string,
    message: string,
    line?: number,
    column?: number,
  ) {
    super(message, line, column);
  }
}

/** The nearest config file from `start` upwards, if any. */
export function findConfig(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function fail(file: string, doc: ParsedDocument | undefined, pointer: string, message: string, target?: "key"): never {
  const at = doc?.locate(pointer, target) ?? doc?.locate(pointer.replace(/\/[^/]*$/, ""));
  throw new ConfigError(file, `${message}${pointer ? ` (at ${pointer})` : ""}`, at?.line, at?.column);
}

const KNOWN_REGIONS = PARTITIONS.flatMap((p) => p.regions);

/** Why a region name is not one (with the nearest known one), or undefined when it is known. */
export function unknownRegionProblem(region: string): string | undefined {
  if (isKnownRegion(region)) return undefined;
  const near = closestName(region, KNOWN_REGIONS);
  return `${region} is not a known region${near ? ` (did you mean ${near}?)` : " (a region name is like us-east-1)"}`;
}

/** Check a rule setting's options against the rule's schema; returns an error message or undefined. */
export function ruleOptionsProblem(rule: Rule, options: Record<string, unknown>): { pointer: string; message: string } | undefined {
  const validate = policyValidators().ruleOptionValidators[rule.id];
  if (validate === undefined) {
    // Custom rules take no options; a built-in rule without a generated validator is a build fault, never "valid".
    if (rule.options !== NO_OPTIONS) throw new Error(`rule ${rule.id} has no generated options validator: run npm run build`);
    const [extra] = Object.keys(options);
    return extra === undefined ? undefined : { pointer: `/${extra}`, message: `the options have an unknown member ${extra}` };
  }
  if (validate(options)) return rule.checkOptions?.(options);
  const [first] = describeSchemaErrors(validate.errors ?? [], options);
  return first && { pointer: first.pointer, message: first.message.replace(/^the document/, "the options") };
}

function checkRules(
  file: string,
  doc: ParsedDocument,
  rules: Record<string, RuleSetting> | undefined,
  base: string,
  known: ReadonlyMap<string, Rule>,
  customIds: ReadonlySet<string>,
): void {
  for (const [id, setting] of Object.entries(rules ?? {})) {
    const pointer = `${base}/${id.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    const rule = known.get(id);
    if (rule === undefined) {
      if (customIds.has(id)) {
        if (Array.isArray(setting) && setting.length > 1) fail(file, doc, `${pointer}/1`, `custom rule ${id} takes no options`);
        continue;
      }
      const near = closestName(id, known.keys());
      fail(file, doc, pointer, `unknown rule ${id}${near ? ` (did you mean ${near}?)` : ""}`, "key");
    }
    if (Array.isArray(setting) && setting[1] !== undefined) {
      const problem = ruleOptionsProblem(rule, setting[1]);
      if (problem) fail(file, doc, `${pointer}/1${problem.pointer}`, `rule ${id}: ${problem.message}`);
    }
  }
}

/** Every glob of `files`, `ignores` and `overrides[].files` must be one that can be matched in linear time. */
function checkGlobs(file: string, doc: ParsedDocument, config: Omit<PolicyConfig, "path" | "dir">): void {
  const lists: [string, string[] | undefined][] = [
    ["/files", config.files],
    ["/ignores", config.ignores],
    ...(config.overrides ?? []).map((o, i): [string, string[]] => [`/overrides/${i}/files`, o.files]),
  ];
  for (const [pointer, globs] of lists) {
    for (const [i, glob] of (globs ?? []).entries()) {
      const problem = globProblem(glob);
      if (problem) fail(file, doc, `${pointer}/${i}`, problem);
    }
  }
}

/** Read and validate a config file. `rules` is every built-in rule. */
export async function loadConfig(path: string, rules: readonly Rule[]): Promise<PolicyConfig> {
  const file = resolve(path);
  const syntax = syntaxOf(file);
  if (syntax === undefined) throw new ConfigError(file, "a config file must be .yml, .yaml or .json");
  let doc: ParsedDocument;
  try {
    doc = await parseText(readText(file), syntax);
  } catch (error) {
    if (error instanceof InputError) throw new ConfigError(file, error.message, error.line, error.column);
    throw error;
  }
  const [dup] = doc.duplicates;
  if (dup) {
    const at = doc.position(dup.offset);
    throw new ConfigError(file, `the key ${JSON.stringify(dup.key)} is repeated (at ${dup.pointer})`, at.line, at.column);
  }
  const value = doc.value;
  await loadPolicyValidators();
  const { validatePolicy } = policyValidators();
  if (!validatePolicy(value)) {
    const [first] = describeSchemaErrors(validatePolicy.errors ?? [], value, ["region", "account", "files", "ignores", "rules", "overrides", "customRules", "requireFacts", "remediation"]);
    fail(file, doc, first?.pointer ?? "", first?.message.replace(/^the document/, "the config") ?? "invalid config", first?.target);
  }
  const config = value as Omit<PolicyConfig, "path" | "dir">;
  if (configNeedsLinearEngine(config)) await loadLinearEngine();
  const regions: [string, string | undefined][] = [["/region", config.region], ...(config.overrides ?? []).map((o, i): [string, string | undefined] => [`/overrides/${i}/region`, o.region])];
  for (const [pointer, region] of regions) {
    const problem = region === undefined ? undefined : unknownRegionProblem(region);
    if (problem) fail(file, doc, pointer, `region ${problem}`);
  }
  checkGlobs(file, doc, config);
  const known = new Map(rules.map((r) => [r.id, r]));
  const customIds = new Set<string>();
  for (const [i, custom] of (config.customRules ?? []).entries()) {
    if (known.has(custom.id)) fail(file, doc, `/customRules/${i}/id`, `custom rule id ${custom.id} is the id of a built-in rule`);
    if (customIds.has(custom.id)) fail(file, doc, `/customRules/${i}/id`, `custom rule id ${custom.id} is used twice`);
    customIds.add(custom.id);
  }
  checkRules(file, doc, config.rules, "/rules", known, customIds);
  (config.overrides ?? []).forEach((o, i) => checkRules(file, doc, o.rules, `/overrides/${i}/rules`, known, customIds));
  if (config.customRules?.length) {
    const { compileCustomSchema } = await import("../engine/custom-rules.js");
    config.customRules.forEach((custom, i) => {
      const problem = compileCustomSchema(custom.schema).problem;
      if (problem) fail(file, doc, `/customRules/${i}/schema`, `custom rule ${custom.id}: invalid JSON Schema: ${problem}`);
    });
  }
  return { ...config, path: file, dir: dirname(file) };
}
