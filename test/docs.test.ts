// docs/rules/*.md and the README's rule list are generated from the rules' metadata and case tables.
// `npm run docs` (UPDATE_DOCS=1) rewrites them; this test fails when they are stale.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../rules/index.js";
import { renderRuleDoc, renderRuleList } from "./support/rule-doc.js";
import type { RuleCases } from "./support/rule-tester.js";

const ROOT = resolve(__dirname, "..");
const UPDATE = process.env.UPDATE_DOCS === "1";
const tables = import.meta.glob<{ default: RuleCases }>("./rules/cases/*.ts", { eager: true });
const byId = new Map(Object.values(tables).map((t) => [t.default.rule.id, t.default]));

describe("rule docs", () => {
  for (const rule of RULES) {
    it(`docs/rules/${rule.id}.md is up to date`, () => {
      const cases = byId.get(rule.id);
      expect(cases, `test/rules/cases/${rule.id}.ts`).toBeDefined();
      const expected = renderRuleDoc(cases!);
      const path = join(ROOT, "docs/rules", `${rule.id}.md`);
      if (UPDATE) writeFileSync(path, expected);
      expect(existsSync(path) ? readFileSync(path, "utf8") : "", "run `npm run docs`").toBe(expected);
    });
  }

  it("has no page for a rule that does not exist", () => {
    const pages = readdirSync(join(ROOT, "docs/rules")).filter((f) => f.endsWith(".md")).map((f) => f.slice(0, -3));
    expect(pages.filter((p) => !RULES.some((r) => r.id === p))).toEqual([]);
  });

  it("README's rule list is up to date", () => {
    const path = join(ROOT, "README.md");
    const readme = readFileSync(path, "utf8");
    const start = "<!-- rules:start -->";
    const end = "<!-- rules:end -->";
    expect(readme.includes(start) && readme.includes(end), "README needs the rules markers").toBe(true);
    const list = renderRuleList(RULES);
    const updated = readme.replace(/<!-- rules:start -->[\s\S]*?<!-- rules:end -->/, `${start}\n${list}\n${end}`);
    if (UPDATE) writeFileSync(path, updated);
    // The section holds one row per rule: an empty or stale list fails, whatever the markers hold.
    const section = readme.slice(readme.indexOf(start) + start.length, readme.indexOf(end));
    expect(RULES.filter((r) => !section.includes(`[\`${r.id}\`](docs/rules/${r.id}.md)`)).map((r) => r.id), "rules missing from the README list").toEqual([]);
    expect(readme).toBe(updated);
  });
});
