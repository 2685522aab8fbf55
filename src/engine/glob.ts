// Globs from a config (`files`, `ignores`, `overrides[].files`, rule options such as target-name's
// `patterns`): picomatch's syntax and meaning, matched in linear time. picomatch turns a glob into a
// backtracking regular expression, and `**a**a**a**a**a**a**a**a**b` then takes minutes on a 63-character
// name; here picomatch's expression runs on re2js (see regex.ts) instead. RE2 has no lookaround, so
// picomatch's guards are dropped: "never an empty text" (an empty text is matched by picomatch itself,
// which cannot backtrack on it) and "no wildcard matches a `.` or `..` segment" (such segments never
// occur in the relative paths walked, nor in AWS identifiers, regions or key ARNs). A glob that needs
// other lookaround — picomatch's negation `!(…)` — is refused when the config is loaded.
import type { RE2JS } from "re2js";
import { hasDotSegment } from "../io/paths.js";
import { linearEngine, type LinearEngine } from "./linear.js";

type Matcher = (text: string) => boolean;

/** The guards picomatch writes with lookaround: no dot segment, and (ONE_CHAR) not at the end. */
const DOT_GUARDS = ["(?!(?:^|\\/)\\.{1,2}(?:\\/|$))", "(?!\\.{1,2}(?:\\/|$))"];
const ONE_CHAR = "(?=.)";
const LOOKAROUND = /\(\?<?[=!]/;
/**
 * "Not at the end" before a last `*` segment that could match nothing (`a/**` then `/*` must not match `a`):
 * the segment is then one character or more, or the trailing slash alone. Elsewhere what follows the
 * guard always takes a character, so dropping it changes nothing (test/engine/glob.test.ts checks
 * random globs against picomatch).
 */
const LAST_SEGMENT = /\(\?=\.\)\[\^\/\]\*\?\\\/\?\)\$$/;
const NON_EMPTY_LAST_SEGMENT = "(?:[^/]+?\\/?|\\/))$";

const compiled = new Map<string, Matcher | string>();

/** A glob is compiled once per run: the config's check and every matcher built from it share it. */
function compile(glob: string, nocase: boolean): Matcher | string {
  const key = `${nocase ? "i" : "s"}\u0000${glob}`;
  let result = compiled.get(key);
  if (result === undefined) {
    result = compileNew(glob, nocase);
    compiled.set(key, result);
  }
  return result;
}

function compileNew(glob: string, nocase: boolean): Matcher | string {
  const { RE2, picomatch } = linearEngine();
  let source = picomatch.makeRe(glob, { dot: true, nocase }).source;
  for (const guard of DOT_GUARDS) source = source.split(guard).join("");
  // With the dot guards gone, a last segment's "not at the end" stands right before its `*`.
  source = source.replace(LAST_SEGMENT, NON_EMPTY_LAST_SEGMENT).split(ONE_CHAR).join("");
  if (LOOKAROUND.test(source)) return "uses a negation (!(…)), which only a backtracking matcher can run: list what to match instead";
  let re: RE2JS;
  try {
    re = RE2.compile(source, nocase ? RE2.CASE_INSENSITIVE : 0);
  } catch (error) {
    return `cannot be matched in linear time (${(error as Error).message})`;
  }
  const empty = picomatch(glob, { dot: true, nocase });
  const base = nocase ? undefined : literalBase(glob, picomatch);
  if (base === undefined) return (text) => (text === "" ? empty(text) : re.testExact(text));
  // Most texts fail on the glob's literal folder (an override's `requests/us-east-1/**` against
  // 10,000 paths): a string comparison rejects them without running the expression.
  const under = `${base}/`;
  // `FOLDER/**` is everything in the folder: the comparison is the whole answer (no `.` or `..`
  // segment, which its expression would refuse, occurs in the paths matched).
  if (glob === `${under}**`) return (text) => text === base || text.startsWith(under);
  return (text) => (text === "" ? empty(text) : (text === base || text.startsWith(under)) && re.testExact(text));
}

/** Plain folder names that begin every match of the glob (case-sensitive globs only), if any. */
const PLAIN_BASE = /^[\w.\- ]+(?:\/[\w.\- ]+)*$/;
function literalBase(glob: string, picomatch: LinearEngine["picomatch"]): string | undefined {
  const scan = picomatch.scan(glob);
  if (scan.prefix !== "" || scan.negated || !PLAIN_BASE.test(scan.base) || hasDotSegment(scan.base)) return undefined;
  return scan.base;
}

/** Why a glob from the config cannot be used, or undefined when it can. */
export function globProblem(glob: string): string | undefined {
  const result = compile(glob, false);
  return typeof result === "string" ? `the glob ${JSON.stringify(glob)} ${result}` : undefined;
}

/** For a rule's checkOptions: the first glob, in the options named, that cannot be used. */
export function globOptionsProblem(options: Record<string, unknown>, names: readonly string[]): { pointer: string; message: string } | undefined {
  for (const name of names) {
    const globs = options[name];
    if (!Array.isArray(globs)) continue;
    for (const [i, glob] of globs.entries()) {
      const message = typeof glob === "string" ? globProblem(glob) : undefined;
      if (message) return { pointer: `/${name}/${i}`, message };
    }
  }
  return undefined;
}

const cache = new Map<string, Matcher>();

/**
 * A matcher for any of `patterns` (picomatch's `dot` on: nothing we match is a path with hidden
 * files; `nocase` for identifiers, case-insensitive in AWS). Globs are checked by globProblem when
 * the config is loaded; one that was not and cannot be used is a bug.
 */
export function globMatcher(patterns: readonly string[], options: { nocase?: boolean } = {}): Matcher {
  const cacheKey = `${options.nocase ? "i" : "s"}\u0000${patterns.join("\u0000")}`;
  let matcher = cache.get(cacheKey);
  if (matcher === undefined) {
    const each = patterns.map((glob) => {
      const m = compile(glob, options.nocase ?? false);
      if (typeof m === "string") throw new Error(`the glob ${JSON.stringify(glob)} ${m}`);
      return m;
    });
    matcher = (text) => each.some((m) => m(text));
    cache.set(cacheKey, matcher);
  }
  return matcher;
}

/** True when `text` matches any of `patterns`. */
export function matchesAny(patterns: readonly string[], text: string, options: { nocase?: boolean } = {}): boolean {
  return globMatcher(patterns, options)(text);
}
