// The pre-commit command line — `lint [PATH…] [common flags]` — read without loading yargs, which is
// ~12 % of a one-file run's instructions. The options are the lint command's own table (options.ts). It takes only what it reads exactly as yargs would (same keys, same
// values, same defaults) and gives up (undefined) on anything else: --help, --version, unknown or
// repeated flags, `--`, `-` (standard input), short-flag clusters, values that look like flags,
// conflicting flags, bad choices. yargs then parses the
// whole command line as before, errors and help included.
import type { Options } from "yargs";
import type { LintArgs } from "./lint.js";
import { COMMANDS, optionEntries } from "./options.js";

const LINT = optionEntries(COMMANDS.find((c) => c.name === "lint") as (typeof COMMANDS)[number]);
/** The lint command's options, from the table yargs is given (options.ts). */
const FLAGS = new Map<string, Options>(LINT);
const ALIASES: Record<string, string> = Object.fromEntries(LINT.filter(([, o]) => typeof o.alias === "string").map(([name, o]) => [`-${o.alias as string}`, name]));
const DEFAULTS = Object.fromEntries(LINT.filter(([, o]) => o.default !== undefined).map(([name, o]) => [name, o.default as unknown]));
// yargs reads `--no-config` as config: false (the other string options negated are left to yargs).
const NEGATABLE = new Set([...LINT.filter(([, o]) => o.type === "boolean").map(([name]) => name), "config"]);
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
  const options = FLAGS.get(name);
  if (options === undefined || options.hidden) return undefined;
  if (options.type === "boolean") return inline === undefined ? [name, true, 1] : undefined;
  const value = inline ?? next;
  if (value === undefined || value === "" || value.startsWith("-")) return undefined;
  const used = inline === undefined ? 2 : 1;
  if (options.type === "number") return INTEGER.test(value) ? [name, Number(value), used] : undefined;
  if (options.choices !== undefined && !(options.choices as unknown[]).includes(value)) return undefined;
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
  // As main.ts hands them to the command: defaults, then what was given, `rule` always a list.
  const args = { ...DEFAULTS, ...given, paths, rule: "rule" in given ? [given.rule] : [] };
  return args as unknown as LintArgs;
}
