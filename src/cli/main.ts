// Command line: parse arguments, run one command, exit 0/1/2. Nothing here knows rules or formats.
import yargs, { type Argv } from "yargs";
import { hideBin } from "yargs/helpers";
import { InputError } from "../input/read.js";
import { AwsError } from "../aws/types.js";
import { ConfigError } from "../config/load.js";
import { EXIT, UsageError } from "./errors.js";
import { FORMAT_NAMES, type FormatName } from "../report/index.js";
import type { CommonArgs } from "./args.js";
import { STDIN_ARG } from "./stdin.js";
import { TOOL_NAME, TOOL_VERSION } from "./package-info.js";

const REGION_SHAPE = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

function common<T>(y: Argv<T>) {
  return y
    .option("config", { type: "string", describe: "Config file (default: snapshot-policy.{yml,yaml,json} found upwards); --no-config for the recommended policy only" })
    .option("region", { type: "string", describe: "Destination region for requests that do not state one; for audit --live and export, the regions to list (repeatable)" })
    .option("account", { type: "string", describe: "Destination account (12 digits)" })
    .option("inventory", { type: "string", describe: "Inventory file: facts for lint, subjects for audit" })
    .option("live", { type: "boolean", describe: "Gather facts from AWS (standard credential chain)" })
    .option("profile", { type: "string", describe: "AWS profile, as in the AWS CLI" })
    .option("endpoint-url", { type: "string", describe: "AWS endpoint URL, as in the AWS CLI" })
    .option("concurrency", { type: "number", describe: "At most this many AWS calls at once in each region (default 8)" })
    .option("format", { alias: "f", choices: [...FORMAT_NAMES], default: "stylish" as FormatName, describe: "Output format" })
    .option("output", { alias: "o", type: "string", describe: "Write the report to a file" })
    .option("quiet", { type: "boolean", default: false, describe: "Report errors only" })
    .option("max-warnings", { type: "number", default: -1, describe: "Exit 1 when there are more warnings than this" })
    .option("rule", { type: "string", array: true, default: [] as string[], describe: "ID:SEVERITY[:JSON-OPTIONS], overrides the config (repeatable)" })
    .option("require-facts", { type: "boolean", describe: "A check that could not run for want of facts is a finding at its rule's severity (config requireFacts: true)" })
    .option("color", { type: "boolean", describe: "Force colour on or off (default: by TTY and NO_COLOR)" })
    .option("debug", { type: "boolean", default: false, describe: "Show stack traces of unexpected errors" });
}

/** Arguments yargs cannot check by itself. */
export function checkCommon(args: CommonArgs): void {
  const regions = args.region === undefined ? [] : Array.isArray(args.region) ? args.region : [args.region];
  for (const r of regions) if (!REGION_SHAPE.test(r)) throw new UsageError(`--region ${r} is not a region name (like us-east-1)`);
  if (args.account !== undefined && !/^\d{12}$/.test(String(args.account))) throw new UsageError(`--account must be 12 digits`);
  if (!Number.isInteger(args["max-warnings"])) throw new UsageError("--max-warnings must be a whole number");
}

let debug = false;

function report(error: unknown): number {
  if (error instanceof ConfigError) {
    const where = [error.file, error.line, error.column].filter((x) => x !== undefined).join(":");
    process.stderr.write(`${where}: config: ${error.message}\n`);
  } else if (error instanceof InputError || error instanceof UsageError || error instanceof AwsError) {
    process.stderr.write(`${TOOL_NAME}: ${error.message}\n`);
  } else {
    process.stderr.write(`${TOOL_NAME}: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    if (debug) process.stderr.write(`${(error as Error)?.stack ?? ""}\n`);
    else process.stderr.write("Run again with --debug for the stack trace, and please report it.\n");
  }
  return EXIT.fatal;
}


export async function main(argv: string[]): Promise<number> {
  debug = argv.includes("--debug");
  const end = argv.indexOf("--");
  argv = argv.map((a, i) => (a === "-" && (end === -1 || i < end) ? STDIN_ARG : a));
  let code: number = EXIT.ok;
  const run =
    <A extends CommonArgs>(handler: (args: A) => Promise<number> | number) =>
    async (args: A) => {
      checkCommon(args);
      code = await handler(args);
    };
  try {
    await yargs(argv)
      .scriptName(TOOL_NAME)
      .version(TOOL_VERSION)
      .strict()
      .command(
        ["lint [paths..]"],
        "Check proposed copy requests in files or folders (default .)",
        (y) =>
          common(y)
            .positional("paths", { type: "string", array: true, default: ["."] })
            .option("baseline", { type: "string", describe: "Report only findings not in this baseline file" })
            .option("write-baseline", { type: "string", describe: "Write the current findings to this baseline file (they are then not reported)" })
            .option("only-requests", { type: "boolean", describe: "Skip named files that do not look like requests, as a folder walk does (for pre-commit)" })
            .option("fix", { type: "boolean", describe: "Apply the safe fixes in place (keeps comments, key order and formatting)" })
            .option("fix-dry-run", { type: "boolean", describe: "Print the fixes as a diff; change no file" })
            .option("stdin-filename", { type: "string", describe: "With `lint -`: the path standard input is shown as and configured by (overrides, syntax)" })
            .conflicts("baseline", "write-baseline")
            .conflicts("fix", "fix-dry-run"),
        run(async (args: import("./lint.js").LintArgs) => (await import("./lint.js")).lintCommand(args)),
      )
      .command("init", "Write a commented snapshot-policy.yml here (never overwrites)", (y) => y, async () => {
        code = (await import("./init.js")).initCommand(process.cwd());
      })
      .command(
        "rules [id]",
        "List the rules, or show one rule's documentation",
        (y) => y.positional("id", { type: "string" }).option("format", { alias: "f", choices: ["stylish", "json"], default: "stylish" }),
        async (args) => {
          code = (await import("./rules.js")).rulesCommand(args as { id?: string; format: string });
        },
      )
      .command(
        "audit",
        "Check existing snapshots (--inventory FILE or --live)",
        (y) => common(y).option("plan-remediation", { type: "string", describe: "Write copy plans that fix snapshots with bad KMS keys or tags into this folder" }),
        run(async (args: CommonArgs & { "plan-remediation"?: string }) => (await import("./audit.js")).auditCommand(args)),
      )
      .command(
        "copy [paths..]",
        "Perform the compliant copies among the requests (dry run unless --apply)",
        (y) =>
          common(y)
            .positional("paths", { type: "string", array: true, default: ["."] })
            .option("apply", { type: "boolean", default: false, describe: "Start the copies (without it: print the plan, change nothing)" })
            .option("wait", { type: "boolean", default: false, describe: "Follow each started copy until it is available or failed" })
            .option("timeout", { type: "number", default: 3600, describe: "Seconds --wait follows copies before giving up (they go on in AWS)" })
            .option("poll-interval", { type: "number", default: 10, describe: "Seconds between the first looks at a copy (backs off to 8 times this)" }),
        run(async (args: CommonArgs & { paths: string[]; apply: boolean; wait: boolean; timeout: number; "poll-interval": number }) => (await import("./copy.js")).copyCommand(args)),
      )
      .command(
        "export",
        "Write an inventory file from live AWS",
        (y) => common(y),
        run(async (args: CommonArgs) => (await import("./export.js")).exportCommand(args)),
      )
      .demandCommand(1, "Name a command: lint, audit, copy, export, init or rules.")
      .recommendCommands()
      .help()
      .wrap(Math.min(110, process.stdout.columns ?? 80))
      .exitProcess(false)
      .fail((message, error) => {
        throw error ?? new UsageError(`${message}\nRun with --help for usage.`);
      })
      .parseAsync();
  } catch (error) {
    return report(error);
  }
  return code;
}

// A promise nobody awaited must still end the run as an error, in one line, never as a stack dump.
process.on("unhandledRejection", (reason) => {
  process.exitCode = report(reason);
  process.exit();
});

const exitCode = await main(hideBin(process.argv));
process.exitCode = exitCode;
