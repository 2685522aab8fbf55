// The yargs-free reader of `lint …` must give the lint command exactly what yargs gives it, or
// leave the command line to yargs. The yargs side is built here with main.ts's lint options.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import yargs from "yargs";
import { parseLintArgs } from "../../src/cli/fast-args.js";
import { FORMAT_NAMES } from "../../src/cli/report.js";

const KEYS = ["paths", "config", "region", "account", "inventory", "live", "profile", "endpoint-url", "concurrency", "format", "output", "quiet", "max-warnings", "rule", "color", "debug", "baseline", "write-baseline", "only-requests", "fix", "fix-dry-run"];

/** What yargs gives the lint handler (as main.ts declares the command), or "error". */
async function viaYargs(argv: string[]): Promise<Record<string, unknown> | "error"> {
  let got: Record<string, unknown> | "error" = "error";
  try {
    await yargs(argv)
      .strict()
      .command(
        "lint [paths..]",
        "lint",
        (y) =>
          y
            .option("config", { type: "string" })
            .option("region", { type: "string" })
            .option("account", { type: "string" })
            .option("inventory", { type: "string" })
            .option("live", { type: "boolean" })
            .option("profile", { type: "string" })
            .option("endpoint-url", { type: "string" })
            .option("concurrency", { type: "number" })
            .option("format", { alias: "f", choices: [...FORMAT_NAMES], default: "stylish" })
            .option("output", { alias: "o", type: "string" })
            .option("quiet", { type: "boolean", default: false })
            .option("max-warnings", { type: "number", default: -1 })
            .option("rule", { type: "string", array: true, default: [] as string[] })
            .option("color", { type: "boolean" })
            .option("debug", { type: "boolean", default: false })
            .positional("paths", { type: "string", array: true, default: ["."] })
            .option("baseline", { type: "string" })
            .option("write-baseline", { type: "string" })
            .option("only-requests", { type: "boolean" })
            .option("fix", { type: "boolean" })
            .option("fix-dry-run", { type: "boolean" })
            .conflicts("baseline", "write-baseline")
            .conflicts("fix", "fix-dry-run"),
        (args) => {
          got = Object.fromEntries(KEYS.filter((k) => (args as Record<string, unknown>)[k] !== undefined).map((k) => [k, (args as Record<string, unknown>)[k]]));
        },
      )
      .exitProcess(false)
      .fail((_message, error) => {
        throw error ?? new Error("usage");
      })
      .parseAsync();
  } catch {
    return "error";
  }
  return got;
}

const token = fc.constantFrom(
  "a.json", "requests/", "x.yaml", "123", "--config", "c.yml", "--no-config", "--config=c.yml", "--region", "us-east-1", "--region=eu-west-1",
  "--account", "111122223333", "--inventory", "inv.json", "--live", "--no-live", "--profile", "p", "--endpoint-url", "http://127.0.0.1:1",
  "--concurrency", "4", "--format", "json", "-f", "sarif", "--format=junit", "--format", "xml", "--output", "out.json", "-o", "--quiet",
  "--max-warnings", "0", "007", "-1", "--max-warnings=3", "--color", "--no-color", "--debug", "--baseline", "b.json", "--write-baseline",
  "--only-requests", "--fix", "--fix-dry-run", "--rule", "kms:error", "--help", "--version", "--", "-x", "--nope", "--quiet=true", "--no-region", "",
);

describe("parseLintArgs", () => {
  it("gives exactly what yargs gives, or leaves the command line to yargs", async () => {
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 7 }), async (rest) => {
        const argv = ["lint", ...rest];
        const fast = parseLintArgs(argv);
        if (fast === undefined) return;
        taken++;
        expect(fast).toStrictEqual(await viaYargs(argv));
      }),
      { numRuns: 600 },
    );
    expect(taken).toBeGreaterThan(60);
  });

  it("reads the pre-commit command line", () => {
    expect(parseLintArgs(["lint", "a.json", "b.yaml", "--region", "us-east-1", "--no-config", "-f", "json"])).toStrictEqual({
      paths: ["a.json", "b.yaml"],
      region: "us-east-1",
      config: false,
      format: "json",
      quiet: false,
      "max-warnings": -1,
      rule: [],
      debug: false,
    });
    expect(parseLintArgs(["lint"])?.paths).toEqual(["."]);
  });

  it.each([["audit"], ["lint", "--help"], ["lint", "--rule", "x:off", "a.json"], ["lint", "--region", "a", "--region", "b"], ["lint", "--fix", "--fix-dry-run"], ["lint", "--format", "xml"], ["lint", "--", "a.json"], ["lint", "-fo", "x"]])(
    "leaves %j to yargs",
    (...argv) => {
      expect(parseLintArgs(argv)).toBeUndefined();
    },
  );
});
