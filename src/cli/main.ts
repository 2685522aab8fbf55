// Command line: parse arguments, run one command, exit 0/1/2. Nothing here knows rules or formats.
import type { Argv } from "yargs";
import { InputError } from "../input/read.js";
import { AwsError } from "../aws/types.js";
import { ConfigError } from "../config/load.js";
import { EXIT, UsageError } from "./errors.js";
import type { CommonArgs } from "./args.js";
import { COMMANDS, checkCommon, checkRepeats, docsLink, explainParseFailure, optionEntries, type CommandSpec } from "./options.js";
import { DOCS_BASE, TOOL_NAME, TOOL_VERSION } from "./package-info.js";
import { printable } from "../report/escape.js";
import { STDIN_ARG } from "./stdin.js";
import { parseLintArgs } from "./fast-args.js";

let debug = false;

function report(error: unknown): number {
  if (error instanceof ConfigError) {
    const where = [error.file, error.line, error.column].filter((x) => x !== undefined).join(":");
    process.stderr.write(`${printable(where)}: config: ${printable(error.message)}\n`);
  } else if (error instanceof UsageError) {
    // Usage messages come from the command line and may run over lines (a hint): each line escaped.
    process.stderr.write(`${TOOL_NAME}: ${error.message.split("\n").map(printable).join("\n")}\n`);
  } else if (error instanceof InputError || error instanceof AwsError) {
    process.stderr.write(`${TOOL_NAME}: ${printable(error.message)}\n`);
  } else {
    process.stderr.write(`${TOOL_NAME}: internal error: ${printable((error as Error)?.message ?? String(error))}\n`);
    if (debug) process.stderr.write(`${(error as Error)?.stack ?? ""}\n`);
    else process.stderr.write("Run again with --debug for the stack trace, and please report it.\n");
  }
  return EXIT.fatal;
}

/** A command's builder: its own options only, two examples and where its docs are. */
function builder(spec: CommandSpec) {
  return (y: Argv) => {
    let built = y;
    if (spec.usage.includes("[paths..]")) built = built.positional("paths", { type: "string", array: true, describe: "Files and folders", defaultDescription: "." });
    if (spec.usage.includes("[id]")) built = built.positional("id", { type: "string", describe: "A rule id" });
    for (const [name, options] of optionEntries(spec)) built = built.option(name, options);
    if (spec.name === "lint") built = built.conflicts("baseline", "write-baseline").conflicts("fix", "fix-dry-run");
    for (const [command, description] of spec.examples) built = built.example(command, description);
    return built.epilogue(`Docs: ${docsLink(spec)}`);
  };
}

type Handler = (args: CommonArgs & Record<string, unknown>) => Promise<number> | number;

// The casts hold because each command's options come from its own table in options.ts (yargs cannot
// type a table-built command line); the commands check what yargs cannot.
const HANDLERS: Record<CommandSpec["name"], Handler> = {
  lint: async (args) => (await import("./lint.js")).lintCommand(args as unknown as Parameters<typeof import("./lint.js").lintCommand>[0]),
  audit: async (args) => (await import("./audit.js")).auditCommand(args),
  copy: async (args) => (await import("./copy.js")).copyCommand(args as unknown as Parameters<typeof import("./copy.js").copyCommand>[0]),
  export: async (args) => (await import("./export.js")).exportCommand(args as CommonArgs & { output?: string }),
  init: async () => (await import("./init.js")).initCommand(process.cwd()),
  rules: async (args) => (await import("./rules.js")).rulesCommand(args as { id?: string; format: string }),
};

/** Arguments as the commands take them: `--rule` always a list, paths after `--` among the paths. */
function normalise(spec: CommandSpec, args: Record<string, unknown>): CommonArgs & Record<string, unknown> {
  const afterDashes = (args["--"] as string[] | undefined) ?? [];
  if (afterDashes.length > 0 && !spec.usage.includes("[paths..]")) throw new UsageError(`${spec.name} takes no paths (got ${afterDashes.join(" ")} after --)`);
  const paths = [...((args.paths as string[] | undefined) ?? []), ...afterDashes];
  const rule = args.rule === undefined ? [] : Array.isArray(args.rule) ? args.rule : [args.rule];
  return { ...(args as unknown as CommonArgs), paths, rule };
}

export async function main(argv: string[]): Promise<number> {
  debug = argv.includes("--debug");
  const end = argv.indexOf("--");
  argv = argv.map((a, i) => (a === "-" && (end === -1 || i < end) ? STDIN_ARG : a));
  let code: number = EXIT.ok;
  try {
    // The hot path (pre-commit: `lint FILE…` with plain flags) is read without loading yargs at all;
    // anything else — help, mistakes, repeats — goes to yargs, which explains it.
    const fast = parseLintArgs(argv);
    if (fast !== undefined) {
      checkCommon(fast);
      return await (await import("./lint.js")).lintCommand(fast);
    }
    const { default: yargs } = await import("yargs");
    let cli = yargs(argv)
      .locale("en")
      .scriptName(TOOL_NAME)
      .version("version", "Show the version", TOOL_VERSION)
      .alias("v", "version")
      .parserConfiguration({ "populate--": true })
      .strict();
    for (const spec of COMMANDS) {
      cli = cli.command(spec.usage, spec.describe, builder(spec), async (parsed) => {
        checkRepeats(spec, parsed);
        const args = normalise(spec, parsed);
        checkCommon(args);
        code = await HANDLERS[spec.name](args);
      });
    }
    await cli
      .demandCommand(1, `Name a command: ${COMMANDS.map((c) => c.name).join(", ")}.`)
      .recommendCommands()
      .help()
      .alias("h", "help")
      .epilogue(`Docs: ${DOCS_BASE}/README.md`)
      // Wide enough for the docs link on one line when the help goes to a file or pipe.
      .wrap(Math.min(120, process.stdout.columns ?? 120))
      .exitProcess(false)
      .fail((message, error) => {
        // yargs' own complaints (YError) are about the command line; anything else is ours.
        if (error !== undefined && error !== null && error.name !== "YError") throw error;
        throw new UsageError(explainParseFailure(message ?? error?.message ?? "", argv));
      })
      .parseAsync();
  } catch (error) {
    return report(error);
  }
  return code;
}

// A reader that closed early (`| head`) ends the output, not the run: its exit code stays what it was.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}

// A promise nobody awaited must still end the run as an error, in one line, never as a stack dump.
process.on("unhandledRejection", (reason) => {
  process.exitCode = report(reason);
  process.exit();
});

const exitCode = await main(process.argv.slice(2));
process.exitCode = exitCode;
