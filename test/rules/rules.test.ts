// Runs every rule's case table (test/rules/cases/<id>.ts) and checks each built-in rule has one.
import { describe, expect, it } from "vitest";
import { RULES } from "../../rules/index.js";
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
  it("has unique ids", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });
});
