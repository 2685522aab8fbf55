// The `configuration` section of a Terraform JSON plan: which provider configuration a planned
// resource uses, and what that configuration says of its region and default tags. Read as Terraform
// 1.11 writes it (`terraform show -json`): resources are named there without instance keys, module
// resources live under `root_module.module_calls.NAME.module`, and `provider_config_key` already
// names the root configuration a module was passed (`providers = { aws = aws.west }` → `aws.west`).
import { isKnownRegion } from "../model/regions.js";
import { escapeSegment } from "../model/pointer.js";

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function record(value: unknown): Json {
  return isRecord(value) ? value : {};
}

/** A module call on the way from the root to a resource, with the expressions given to its variables. */
interface ModuleStep {
  name: string;
  expressions: Json;
}

/** A resource's configuration block and the module calls that lead to it (outermost first). */
export interface ConfigResource {
  resource: Json;
  path: ModuleStep[];
}

/** `module.a["x"].module.b[0]` → [`a`, `b`]: module names without instance keys. */
function moduleNames(moduleAddress: unknown): string[] | undefined {
  if (moduleAddress === undefined) return [];
  if (typeof moduleAddress !== "string") return undefined;
  const names: string[] = [];
  const step = /^module\.([A-Za-z_][\w-]*)(\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?(\.|$)/;
  let rest = moduleAddress;
  while (rest !== "") {
    const m = step.exec(rest);
    if (!m) return undefined;
    names.push(m[1]!);
    rest = rest.slice(m[0].length);
  }
  return names;
}

/** The configuration block of a planned resource (its `mode`, `type` and `name` within its module). */
export function configResource(plan: Json, change: Json): ConfigResource | undefined {
  const names = moduleNames(change.module_address);
  if (names === undefined) return undefined;
  let module = record(record(plan.configuration).root_module);
  const path: ModuleStep[] = [];
  for (const name of names) {
    const call = record(record(module.module_calls)[name]);
    path.push({ name, expressions: record(call.expressions) });
    module = record(call.module);
  }
  const resources = Array.isArray(module.resources) ? module.resources.filter(isRecord) : [];
  const resource = resources.find((r) => r.mode === (change.mode ?? "managed") && r.type === change.type && r.name === change.name);
  return resource ? { resource, path } : undefined;
}

/** The provider configuration a resource uses: its key in `provider_config`, and the block. */
export function providerOf(plan: Json, found: ConfigResource | undefined): { key: string; provider: Json } | undefined {
  const key = found?.resource.provider_config_key;
  if (typeof key !== "string") return undefined;
  const provider = record(record(plan.configuration).provider_config)[key];
  return isRecord(provider) ? { key, provider } : undefined;
}

/** What an expression is known to be: its value, or what it is computed from that the plan does not record. */
export type Resolved = { value: unknown } | { problem: string };

/**
 * An expression's value when the plan records it: a constant, or a lone `var.NAME` reference (the
 * root module's value from the plan's `variables`; a module's from what its call passes). Locals and
 * other expressions are recorded only as references, without their value.
 */
export function resolveExpression(plan: Json, expression: unknown, path: readonly ModuleStep[]): Resolved {
  const e = record(expression);
  if ("constant_value" in e) return { value: e.constant_value };
  const refs = Array.isArray(e.references) ? e.references.filter((r): r is string => typeof r === "string") : [];
  const variable = refs.length === 1 ? /^var\.([A-Za-z_][\w-]*)$/.exec(refs[0]!) : null;
  if (!variable) return { problem: refs.length > 0 ? `${refs.join(", ")}, whose value the plan does not record` : "an expression whose value the plan does not record" };
  const name = variable[1]!;
  if (path.length === 0) {
    const given = record(record(plan.variables)[name]);
    return "value" in given ? { value: given.value } : { problem: `var.${name}, which has no value in the plan` };
  }
  const call = path[path.length - 1]!;
  if (!(name in call.expressions)) return { problem: `var.${name}, which module.${call.name} is not given (a module variable's default is not in the plan)` };
  return resolveExpression(plan, call.expressions[name], path.slice(0, -1));
}

/** The module calls that lead to a module's provider block (`module_address`), outermost first. */
function providerPath(plan: Json, provider: Json): ModuleStep[] | undefined {
  const names = moduleNames(provider.module_address);
  if (names === undefined) return undefined;
  let module = record(record(plan.configuration).root_module);
  return names.map((name) => {
    const call = record(record(module.module_calls)[name]);
    module = record(call.module);
    return { name, expressions: record(call.expressions) };
  });
}

/** The region a provider configuration sets, or why it cannot be known from the plan. */
export function providerRegion(plan: Json, key: string, provider: Json): { region: string } | { problem: string } {
  const expressions = record(provider.expressions);
  if (!("region" in expressions)) {
    return { problem: `provider configuration ${key} sets no region (Terraform takes it from AWS_REGION, AWS_DEFAULT_REGION or the profile where it runs)` };
  }
  const resolved = resolveExpression(plan, expressions.region, providerPath(plan, provider) ?? []);
  if ("problem" in resolved) return { problem: `provider configuration ${key} takes its region from ${resolved.problem}` };
  if (typeof resolved.value !== "string" || !isKnownRegion(resolved.value)) {
    return { problem: `provider configuration ${key} sets region ${JSON.stringify(resolved.value)}, which is not a known AWS region` };
  }
  return { region: resolved.value };
}

/** The provider's `default_tags { tags = {...} }`, with the pointer of each tag in the plan. */
export type DefaultTags = { tags: Map<string, { value: unknown; pointer: string }> } | { unknown: true } | undefined;

export function defaultTags(key: string, provider: Json): DefaultTags {
  const blocks = record(provider.expressions).default_tags;
  if (blocks === undefined) return undefined;
  const tags = new Map<string, { value: unknown; pointer: string }>();
  if (!Array.isArray(blocks)) return { unknown: true };
  for (const [i, block] of blocks.entries()) {
    const expression = record(record(block).tags);
    if (!("tags" in record(block))) continue;
    if (!isRecord(expression.constant_value)) return { unknown: true };
    const base = `/configuration/provider_config/${escapeSegment(key)}/expressions/default_tags/${i}/tags/constant_value`;
    for (const [tag, value] of Object.entries(expression.constant_value)) tags.set(tag, { value, pointer: `${base}/${escapeSegment(tag)}` });
  }
  return { tags };
}
