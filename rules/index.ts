// Every built-in rule: each file in this folder is one, found by the build (src/generated/rule-files.ts),
// so a new rule needs no line here. `rules` lists them by category, in the order a request is read —
// its shape, identifiers and regions, KMS and encryption, tags, sharing and retention, facts about
// existing snapshots — and by id within a category.
import type { Rule, RuleCategory } from "../src/engine/rule.js";
import { RULE_FILES } from "../src/generated/rule-files.js";

const CATEGORY_ORDER: readonly RuleCategory[] = ["schema", "identifiers", "regions", "kms", "encryption", "tags", "sharing", "retention", "facts"];

function rank(rule: Rule): number {
  const i = rule.category === undefined ? -1 : CATEGORY_ORDER.indexOf(rule.category);
  return i === -1 ? CATEGORY_ORDER.length : i;
}

export const RULES: readonly Rule[] = [...(RULE_FILES as readonly Rule[])].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : 1));
