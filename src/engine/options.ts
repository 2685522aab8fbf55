// Rule options: defaults under what the user gave. Validation is done by the caller (precompiled
// validators at run time, ajv in tests).
import type { Rule } from "./rule.js";

export function withDefaults(rule: Rule, given: Record<string, unknown> | undefined): Record<string, unknown> {
  return { ...(rule.defaults ?? {}), ...(given ?? {}) };
}
