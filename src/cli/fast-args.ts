// The pre-commit command line — `lint [PATH…] [common flags]` — read without loading yargs, which is
// a fifth of a one-file run. It takes only what it reads exactly as yargs would (same keys, same
// values, same defaults) and gives up (undefined) on anything else: --help, --version, unknown or
// repeated flags, `--`, short-flag clusters, values that look like flags, --rule (an array option
// yargs lets swallow the paths after it), conflicting flags, bad choices. yargs then parses the
// whole command line as before, errors and help included.
import type { LintArgs } from "./lint.js";
import { FORMAT_NAMES, type FormatName } from "./report.js";

type Kind = "string" | "boolean" | "number";

const FLAGS: Record<string, Kind> = {
  config: "string",
  region: "string",
  account: "string",
  inventory: "string",
  live: "boolean",
  profile: "string",
  "endpoint-url": "string",
  concurrency: "number",
  format: "string",
  output: "string",
  quiet: "boolean",
  "max-warnings": "number",
  color: "boolean",
  debug: "boolean",
  baseline: "string",
  "write-baseline": "string",
  "only-requests": "boolean",
  fix: "boolean",
  "fix-dry-run": "boolean",
};
const ALIASES: Record<string, string> = { "-f": "format", "-o": "output" };
// yargs reads `--no-config` as config: false; for the other string flags that would be a usage error.
const NEGATABLE = new Set(["config", "live", "quiet", "color", "debug", "only-requests", "fix", "fix-dry-run"]);
const INTEGER = /^-?\d{1,15}$/;

/** One flag token (with its value, which may be the next token): [name, value, tokens used], or undefined. */
function flag(token: string, next: string | undefined): [string, string | number | boolean, number] | undefined {
  let name: string;
  let inline: string | undefined;
  if (ALIASES[token] !== undefined) name = ALIASES[token];
  else if (token.startsWith("--no-") && NEGATABLE.has(token.slice(5))) return [token.slice(5), false, 1];
  else if (token.startsWith("--")) {
    const eq = token.indexOf("=");
    name = eq === -1 ? token.slice(2) : token.slice(2, eq);
    inline = eq === -1 ? undefined : token.slice(eq + 1);
  } else return undefined;
  const kind = FLAGS[name];
  if (kind === undefined) return undefined;
  if (kind === "boolean") return inline === undefined ? [name, true, 1] : undefined;
  const value = inline ?? next;
  if (value === undefined || value === "" || value.startsWith("-")) return undefined;
  const used = inline === undefined ? 2 : 1;
  if (kind === "number") return INTEGER.test(value) ? [name, Number(value), used] : undefined;
  if (name === "format" && !(FORMAT_NAMES as readonly string[]).includes(value)) return undefined;
  return [name, value, used];
}

/** The arguments yargs would give the lint command, or undefined when yargs must read them. */
export function parseLintArgs(argv: readonly string[]): LintArgs | undefined {
  if (argv[0] !== "lint") return undefined;
  const paths: string[] = [];
  const given: Record<string, string | number | boolean> = {};
  for (let i = 1; i < argv.length; ) {
    const token = argv[i] as string;
    if (!token.startsWith("-")) {
      paths.push(token);
      i++;
      continue;
    }
    const read = flag(token, argv[i + 1]);
    if (read === undefined) return undefined;
    const [name, value, used] = read;
    if (name in given) return undefined;
    given[name] = value;
    i += used;
  }
  if (("baseline" in given && "write-baseline" in given) || ("fix" in given && "fix-dry-run" in given)) return undefined;
  const args = {
    ...given,
    paths: paths.length > 0 ? paths : ["."],
    format: (given.format ?? "stylish") as FormatName,
    quiet: given.quiet ?? false,
    "max-warnings": given["max-warnings"] ?? -1,
    rule: [],
    debug: given.debug ?? false,
  };
  return args as LintArgs;
}
