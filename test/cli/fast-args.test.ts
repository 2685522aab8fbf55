// The yargs-free reader of `lint …` must give the lint command exactly what yargs gives it, or
// leave the command line to yargs. The yargs side is built here with main.ts's lint options.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import yargs from "yargs";
import { parseLintArgs } from "../../src/cli/fast-args.js";
import { COMMANDS, checkRepeats, optionEntries } from "../../src/cli/options.js";

const KEYS = ["paths", "config", "region", "account", "inventory", "live", "profile", "endpoint-url", "concurrency", "format", "output", "quiet", "max-warnings", "require-facts", "stdin-filename", "rule", "color", "debug", "baseline", "write-baseline", "only-requests", "fix", "fix-dry-run"];

/** What yargs gives the lint handler, built from the lint command's option table as main.ts builds it, or "error". */
async function viaYargs(argv: string[]): Promise<Record<string, unknown> | "error"> {
  let got: Record<string, unknown> | "error" = "error";
  const spec = COMMANDS.find((c) => c.name === "lint")!;
  try {
    await yargs(argv)
      .parserConfiguration({ "populate--": true })
      .strict()
      .command(
        "lint [paths..]",
        "lint",
        (y) => {
          let built = y.positional("paths", { type: "string", array: true });
          for (const [name, options] of optionEntries(spec)) built = built.option(name, options);
          return built.conflicts("baseline", "write-baseline").conflicts("fix", "fix-dry-run");
        },
        (args) => {
          checkRepeats(spec, args);
          const rule = args.rule === undefined ? [] : Array.isArray(args.rule) ? args.rule : [args.rule];
          const all = { ...args, paths: (args.paths as string[] | undefined) ?? [], rule } as Record<string, unknown>;
          got = Object.fromEntries(KEYS.filter((k) => all[k] !== undefined).map((k) => [k, all[k]]));
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
  "--only-requests", "--fix", "--fix-dry-run", "--rule", "kms:error", "--require-facts", "--stdin-filename", "-", "--help", "--version", "--", "-x", "--nope", "--quiet=true", "--no-region", "",
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
    expect(parseLintArgs(["lint"])?.paths).toEqual([]);
  });

  it.each([["audit"], ["lint", "--help"], ["lint", "-"], ["lint", "--region", "a", "--region", "b"], ["lint", "--fix", "--fix-dry-run"], ["lint", "--format", "xml"], ["lint", "--", "a.json"], ["lint", "-fo", "x"]])(
    "leaves %j to yargs",
    (...argv) => {
      expect(parseLintArgs(argv)).toBeUndefined();
    },
  );
});
