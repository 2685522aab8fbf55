// Runs every rule's case table (test/rules/cases/<id>.ts) and checks each built-in rule has one.
import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { RULES } from "../../rules/index.js";
import { ruleOptionsProblem } from "../../src/config/load.js";
import { policyValidators } from "../../src/engine/validators.js";
import { withDefaults } from "../../src/engine/options.js";
import { testRule, type RuleCases } from "../support/rule-tester.js";

const tables = import.meta.glob<{ default: RuleCases }>("./cases/*.ts", { eager: true });

for (const [path, table] of Object.entries(tables)) {
  const id = path.replace(/^.*\/(.*)\.ts$/, "$1");
  describe(path, () => {
    it("is named after its rule", () => expect(table.default.rule.id).toBe(id));
  });
  testRule(table.default);
}

describe("rule registry", () => {
  it("gives every built-in rule a case table", () => {
    const withTables = new Set(Object.keys(tables).map((p) => p.replace(/^.*\/(.*)\.ts$/, "$1")));
    expect(RULES.map((r) => r.id).filter((id) => !withTables.has(id))).toEqual([]);
  });
  it("registers every rule file in rules/ (a file not listed in rules/index.ts would be ignored)", () => {
    const files = readdirSync(join(__dirname, "../../rules")).filter((f) => f.endsWith(".ts") && f !== "index.ts").map((f) => f.slice(0, -3));
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((id) => !RULES.some((r) => r.id === id))).toEqual([]);
    expect(RULES.filter((r) => !files.includes(r.id)).map((r) => r.id)).toEqual([]);
  });
  it("has a generated options validator for every rule (a missing one is never taken as valid)", () => {
    expect(RULES.filter((r) => typeof policyValidators().ruleOptionValidators[r.id] !== "function").map((r) => r.id)).toEqual([]);
    const unbuilt = { ...RULES[0]!, id: "not-built", options: { type: "object", properties: { x: { type: "string" } } } };
    expect(() => ruleOptionsProblem(unbuilt, {})).toThrow(/no generated options validator/);
  });
  it("enables by default only rules whose default options their schema accepts (a run without a config never validates them)", () => {
    const enabled = RULES.filter((r) => r.recommended !== "off");
    expect(enabled.length).toBeGreaterThan(0);
    const invalid = enabled.map((r) => [r.id, ruleOptionsProblem(r, withDefaults(r, undefined))] as const).filter(([, problem]) => problem !== undefined);
    expect(invalid).toEqual([]);
  });
  it("has unique ids", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });
});
