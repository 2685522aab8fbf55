import { describe, expect, it } from "vitest";
import { COMMANDS, explainParseFailure, optionNames, reportTargets } from "../../src/cli/options.js";

describe("report targets", () => {
  it("pairs --format and --output in order; the format left over goes to stdout", () => {
    expect(reportTargets({})).toEqual([{ format: "stylish" }]);
    expect(reportTargets({ output: "r.txt" })).toEqual([{ format: "stylish", path: "r.txt" }]);
    expect(reportTargets({ format: "sarif", output: "a.sarif" })).toEqual([{ format: "sarif", path: "a.sarif" }]);
    expect(reportTargets({ format: ["json", "sarif", "stylish"], output: ["a.json", "b.sarif"] })).toEqual([
      { format: "json", path: "a.json" },
      { format: "sarif", path: "b.sarif" },
      { format: "stylish" },
    ]);
  });
  it("refuses what cannot be meant", () => {
    expect(() => reportTargets({ format: ["json", "sarif"] })).toThrow(/2 of the --format reports would go to stdout/);
    expect(() => reportTargets({ format: "json", output: ["a", "b"] })).toThrow(/--output was given 2 times for 1 --format/);
    expect(() => reportTargets({ format: ["json", "sarif"], output: ["a", "a"] })).toThrow(/--output a was given twice/);
  });
});

describe("parse failures", () => {
  it("suggests among the command's own options only", () => {
    expect(explainParseFailure("Unknown argument: aply", ["copy", "--aply"])).toMatch(/^unknown option --aply \(did you mean --apply\?\)/);
    expect(explainParseFailure("Unknown argument: aply", ["lint", "--aply"])).toMatch(/^unknown option --aply for lint/);
    expect(optionNames("export")).not.toContain("format");
  });
  it("keeps the typed spelling when yargs adds its camelCase twin", () => {
    expect(explainParseFailure("Unknown arguments: max-warning, maxWarning", ["lint", "--max-warning", "1"]).split("\n")).toEqual([
      "unknown option --max-warning (did you mean --max-warnings?)",
      "Run with --help for usage.",
    ]);
  });
  it("gives every command two examples and a docs anchor", () => {
    for (const c of COMMANDS) {
      expect(c.examples, c.name).toHaveLength(2);
      expect(c.docs, c.name).toMatch(/^#[a-z-]+$/);
    }
  });
});
