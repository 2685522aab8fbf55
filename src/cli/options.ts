// Every command-line option once, and which command takes which: `--help` of a command lists only
// its own, and a mistyped one is matched against them ("did you mean"). Checks yargs cannot make.
import type { Options } from "yargs";
import { unknownRegionProblem } from "../config/load.js";
import { closestName } from "../engine/suggest.js";
import { UsageError } from "./errors.js";
import { FORMAT_NAMES, type FormatName } from "../report/index.js";
import { regionList, type CommonArgs } from "./args.js";
import { DOCS_BASE } from "./package-info.js";

/** Options that may be given more than once; any other string or number option given twice is a mistake. */
const REPEATABLE = new Set(["region", "rule", "format", "output"]);

/** By key; a key unlike any command-line name (`format-stylish-json`) is a variant a command lists under its own name. */
export const OPTIONS = {
  config: { type: "string", describe: "Config file (default: snapshot-policy.{yml,yaml,json} found upwards); --no-config for the recommended policy only" },
  rule: { type: "string", requiresArg: true, describe: "ID:SEVERITY[:JSON-OPTIONS], overrides the config (repeatable)" },
  region: { type: "string", requiresArg: true, describe: "Destination region for requests that do not state one" },
  regions: { type: "string", requiresArg: true, describe: "Region to list (repeatable; default: config region, AWS_REGION)" },
  account: { type: "string", requiresArg: true, describe: "Destination account (12 digits)" },
  inventory: { type: "string", requiresArg: true, describe: "Inventory file: facts for lint, subjects for audit" },
  live: { type: "boolean", describe: "Gather facts from AWS (standard credential chain)" },
  profile: { type: "string", requiresArg: true, describe: "AWS profile, as in the AWS CLI" },
  "endpoint-url": { type: "string", requiresArg: true, describe: "AWS endpoint URL, as in the AWS CLI" },
  concurrency: { type: "number", requiresArg: true, describe: "At most this many AWS calls at once in each region (default 8)" },
  "connect-timeout": { type: "number", requiresArg: true, describe: "Seconds to wait for a connection to AWS (default 5)" },
  "read-timeout": { type: "number", requiresArg: true, describe: "Seconds one AWS call may take to answer, per attempt (default 30)" },
  format: { alias: "f", type: "string", requiresArg: true, choices: [...FORMAT_NAMES], describe: "Report format (repeatable: one report per --format; default stylish)" },
  output: { alias: "o", type: "string", requiresArg: true, describe: "Write the report of the --format at the same place to this file (repeatable; a format without one goes to stdout)" },
  "format-stylish-json": { alias: "f", type: "string", requiresArg: true, choices: ["stylish", "json"], default: "stylish", describe: "Report format" },
  "output-one": { alias: "o", type: "string", requiresArg: true, describe: "Write the report to this file" },
  "output-inventory": { alias: "o", type: "string", requiresArg: true, describe: "Write the inventory to this file (default stdout)" },
  quiet: { type: "boolean", default: false, describe: "Report errors only" },
  "max-warnings": { type: "number", requiresArg: true, default: -1, describe: "Exit 1 when there are more warnings than this" },
  "require-facts": { type: "boolean", describe: "A check that could not run for want of facts is a finding at its rule's severity (config requireFacts: true)" },
  "stdin-filename": { type: "string", requiresArg: true, describe: "With `lint -`: the path standard input is shown as and configured by (overrides, syntax)" },
  color: { type: "boolean", describe: "Force colour on or off (default: by TTY and NO_COLOR)" },
  debug: { type: "boolean", default: false, describe: "Show stack traces of unexpected errors" },
  baseline: { type: "string", requiresArg: true, describe: "Report only findings not in this baseline file" },
  "write-baseline": { type: "string", requiresArg: true, describe: "Write the current findings to this baseline file (they are then not reported)" },
  "only-requests": { type: "boolean", describe: "Skip named files that do not look like requests, as a folder walk does (for pre-commit)" },
  "follow-links-outside": { type: "boolean", describe: "Follow links to files outside the folders walked (skipped by default, each named on stderr)" },
  fix: { type: "boolean", describe: "Apply the safe fixes in place (keeps comments, key order and formatting)" },
  "fix-dry-run": { type: "boolean", describe: "Print the fixes as a diff; change no file" },
  "plan-remediation": { type: "string", requiresArg: true, describe: "Write copy plans that fix snapshots with bad KMS keys or tags into this folder" },
  apply: { type: "boolean", default: false, describe: "Start the copies (without it: print the plan, change nothing)" },
  wait: { type: "boolean", default: false, describe: "Follow each started copy until it is available or failed" },
  timeout: { type: "number", requiresArg: true, default: 3600, describe: "Seconds --wait follows copies before giving up (they go on in AWS)" },
  "poll-interval": { type: "number", requiresArg: true, default: 10, describe: "Seconds between the first looks at a copy (backs off to 8 times this)" },
  "max-in-progress": { type: "number", requiresArg: true, default: 5, describe: "Copies in progress at once per destination region and account (AWS allows 5)" },
  // copy refuses an inventory with a reason; accepted so the reason can be given, not listed.
  "inventory-refused": { type: "string", hidden: true },
} satisfies Record<string, Options>;

type OptionKey = keyof typeof OPTIONS;

/** A command's options: the name on the command line, and its entry in OPTIONS when that differs. */
type OptionList = readonly (OptionKey | [name: string, key: OptionKey])[];

const POLICY: OptionList = ["config", "rule"];
const AWS: OptionList = ["profile", "endpoint-url", "concurrency", "connect-timeout", "read-timeout"];
const REPORT: OptionList = ["format", "output", "quiet", "max-warnings", "require-facts", "color"];

export type { CommonArgs };

export interface CommandSpec {
  name: "lint" | "audit" | "copy" | "export" | "init" | "rules";
  usage: string;
  describe: string;
  options: OptionList;
  examples: readonly [string, string][];
  /** README section with the details. */
  docs: string;
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "lint",
    usage: "lint [paths..]",
    describe: "Check proposed copy requests in files or folders (default .)",
    options: [...POLICY, "region", "account", "inventory", "live", ...AWS, ...REPORT, "baseline", "write-baseline", "only-requests", "follow-links-outside", "fix", "fix-dry-run", "stdin-filename", "debug"],
    examples: [
      ["$0 lint copies/ --region us-west-2", "Lint every request under copies/, offline"],
      ["$0 lint --inventory inventory.json -f sarif -o lint.sarif -f stylish", "Lint with facts; SARIF to a file and the table to the terminal"],
    ],
    docs: "#usage",
  },
  {
    name: "audit",
    usage: "audit",
    describe: "Check existing snapshots (--inventory FILE or --live)",
    options: [...POLICY, ["region", "regions"], "inventory", "live", ...AWS, ...REPORT, "plan-remediation", "debug"],
    examples: [
      ["$0 audit --inventory inventory.json", "Audit the snapshots of an inventory file"],
      ["$0 audit --live --region us-east-1 --region eu-west-1 -f json", "Audit two regions of the current account as JSON"],
    ],
    docs: "#auditing-existing-snapshots",
  },
  {
    name: "copy",
    usage: "copy [paths..]",
    describe: "Perform the compliant copies among the requests (dry run unless --apply)",
    options: [...POLICY, "region", "account", ...AWS, ["format", "format-stylish-json"], ["output", "output-one"], "apply", "wait", "timeout", "poll-interval", "max-in-progress", "follow-links-outside", ["inventory", "inventory-refused"], "debug"],
    examples: [
      ["$0 copy copies/dr.yml", "Show what would be copied; change nothing"],
      ["$0 copy copies/dr.yml --apply --wait --timeout 7200", "Start the compliant copies and follow them to the end"],
    ],
    docs: "#performing-copies",
  },
  {
    name: "export",
    usage: "export",
    describe: "Write an inventory file from live AWS",
    options: ["config", ["region", "regions"], ...AWS, ["output", "output-inventory"], "debug"],
    examples: [
      ["$0 export --region us-east-1 -o inventory.json", "Write the snapshots and keys of us-east-1 to a file"],
      ["$0 export --region us-east-1 --region us-west-2 --profile audit", "Two regions, with a named AWS profile, to stdout"],
    ],
    docs: "#auditing-existing-snapshots",
  },
  {
    name: "init",
    usage: "init",
    describe: "Write a commented snapshot-policy.yml here (never overwrites)",
    options: [],
    examples: [
      ["$0 init", "Write snapshot-policy.yml in this folder"],
      ["$0 init && $0 lint", "Start a policy, then lint under it"],
    ],
    docs: "#configuration",
  },
  {
    name: "rules",
    usage: "rules [id]",
    describe: "List the rules, or show one rule's documentation",
    options: [["format", "format-stylish-json"]],
    examples: [
      ["$0 rules", "List every rule with its default severity"],
      ["$0 rules kms-key-region", "Show one rule's documentation"],
    ],
    docs: "#rules",
  },
];

export function optionEntries(spec: CommandSpec): [string, Options][] {
  return spec.options.map((o) => (typeof o === "string" ? [o, OPTIONS[o]] : [o[0], OPTIONS[o[1]]]));
}

export function docsLink(spec: CommandSpec): string {
  return `${DOCS_BASE}/README.md${spec.docs}`;
}

/** Every name a command's options answer to (long names and aliases), plus the global ones. */
export function optionNames(command: string | undefined): string[] {
  const spec = COMMANDS.find((c) => c.name === command);
  const names = ["help", "version"];
  for (const [name, options] of spec ? optionEntries(spec) : []) {
    names.push(name);
    if (options.type === "boolean") names.push(`no-${name}`);
  }
  return names;
}

function list(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** A string or number option given twice: yargs makes an array of it, the commands expect one value. */
export function checkRepeats(spec: CommandSpec, args: Record<string, unknown>): void {
  for (const [name, options] of optionEntries(spec)) {
    if (options.type === "boolean" || REPEATABLE.has(name)) continue;
    const values = list(args[name]);
    if (values.length > 1) throw new UsageError(`--${name} was given ${values.length} times (${values.join(", ")}); give it once`);
  }
}

/** Arguments yargs cannot check by itself. */
export function checkCommon(args: CommonArgs): void {
  for (const r of regionList(args)) {
    const problem = unknownRegionProblem(r);
    if (problem) throw new UsageError(`--region ${problem}`);
  }
  if (args.account !== undefined && !/^\d{12}$/.test(String(args.account))) throw new UsageError(`--account must be 12 digits`);
  if (args["max-warnings"] !== undefined && !Number.isInteger(args["max-warnings"])) throw new UsageError("--max-warnings must be a whole number");
}

/** Where each report goes: `path` undefined is stdout. */
export interface ReportTarget {
  format: FormatName;
  path?: string;
}

/**
 * `--format` and `--output` pair up in order: the n-th --output is the file of the n-th --format; a
 * format left without one goes to stdout, and only one may. With no --format, one stylish report.
 */
export function reportTargets(args: Pick<CommonArgs, "format" | "output">): ReportTarget[] {
  const formats = list(args.format) as FormatName[];
  const outputs = list(args.output) as string[];
  if (formats.length === 0) formats.push("stylish");
  if (outputs.length > formats.length) {
    throw new UsageError(`--output was given ${outputs.length} times for ${formats.length} --format: each --output is the file of the --format at the same place`);
  }
  if (formats.length - outputs.length > 1) {
    throw new UsageError(`${formats.length - outputs.length} of the --format reports would go to stdout: give an --output for each --format but one`);
  }
  const seen = new Set<string>();
  for (const path of outputs) {
    if (seen.has(path)) throw new UsageError(`--output ${path} was given twice: each report needs its own file`);
    seen.add(path);
  }
  return formats.map((format, i) => ({ format, ...(outputs[i] !== undefined ? { path: outputs[i] } : {}) }));
}

/**
 * yargs' strict-mode complaint, reworded with the nearest known option or command. `argv` is the
 * raw command line, to tell a mistyped option (`--regoin`) from a stray argument.
 */
export function explainParseFailure(message: string, argv: readonly string[]): string {
  const command = argv.find((a) => !a.startsWith("-"));
  const known = COMMANDS.map((c) => c.name);
  const recommended = /^Did you mean (\S+)\?$/.exec(message);
  if (recommended) return `unknown command ${command} (did you mean ${recommended[1]}?)\nRun with --help for usage.`;
  const missing = /^Not enough arguments following: (.+)$/.exec(message);
  if (missing) {
    const name = missing[1]!;
    const usage = name === "rule" ? " ID:SEVERITY[:JSON-OPTIONS]" : "";
    return `${name.length === 1 ? "-" : "--"}${name} needs a value${usage}\nRun with --help for usage.`;
  }
  const unknown = /^Unknown arguments?: (.+)$/.exec(message);
  if (!unknown) return `${message}\nRun with --help for usage.`;
  const names = unknown[1]!.split(", ");
  // yargs also lists the camelCase twin of a dashed name (max-warning, maxWarning): keep the one typed.
  const typed = names.filter((n) => !(/[A-Z]/.test(n) && names.includes(n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))));
  const lines = typed.map((name) => {
    const negated = argv.some((a) => a === `--no-${name}`);
    const asOption = negated || argv.some((a) => a === `--${name}` || a.startsWith(`--${name}=`) || a === `-${name}`);
    if (!asOption) {
      if (!known.includes(command as CommandSpec["name"]) && name === command) {
        const near = closestName(name, known);
        return `unknown command ${name}${near ? ` (did you mean ${near}?)` : ` (the commands are ${known.join(", ")})`}`;
      }
      return `unexpected argument ${name}${command && known.includes(command as CommandSpec["name"]) ? ` for ${command}` : ""}`;
    }
    const options = optionNames(known.includes(command as CommandSpec["name"]) ? command : undefined);
    // A one-letter option is too short to guess from.
    const near = name.length > 1 ? closestName(name, options) : undefined;
    const dashes = name.length === 1 ? "-" : negated ? "--no-" : "--";
    const meant = near === undefined ? undefined : negated && !near.startsWith("no-") ? `--no-${near}` : `--${near}`;
    return `unknown option ${dashes}${name}${meant ? ` (did you mean ${meant}?)` : command ? ` for ${command}` : ""}`;
  });
  return `${lines.join("\n")}\nRun with --help for usage.`;
}
