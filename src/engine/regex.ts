// Regular expressions that come from a config (tag-policy `patterns`, JSON Schema `pattern` in custom
// rules) run on re2js, a pure-JavaScript port of RE2: matching takes time linear in the text whatever
// the pattern, so a hostile config in a pull request cannot stall CI (`^(a+)+$` backtracks for
// minutes in V8's engine). The price is RE2's syntax: no lookahead, lookbehind or backreferences; such
// a pattern is refused with a message saying why, when the config is loaded.
import { linearEngine } from "./linear.js";

export interface LinearRegExp {
  /** Whether the pattern matches anywhere in `text` (not anchored, as JSON Schema's `pattern`). */
  test(text: string): boolean;
}

/** Lookahead, lookbehind, backreferences by number or name: what only a backtracking engine can run. */
const BACKTRACKING = /\(\?<?[=!]|\\[1-9]|\\k</;

const compiled = new Map<string, LinearRegExp | string>();

/** The compiled pattern, or why it cannot be used (a sentence to follow the pattern's name). */
export function compileLinear(pattern: string): LinearRegExp | string {
  let result = compiled.get(pattern);
  if (result === undefined) {
    try {
      // ECMAScript spellings RE2 lacks (named groups `(?<n>`, `\u{…}`, `\/`) are translated first.
      const { RE2 } = linearEngine();
      const re = RE2.compile(RE2.translateRegExp(pattern));
      result = { test: (text) => re.test(text) };
    } catch (error) {
      const detail = (error as Error).message.replace(/^error parsing regexp: /, "");
      result = BACKTRACKING.test(pattern)
        ? `is not supported (${detail}): patterns run on a linear-time engine (RE2 syntax), which has no lookahead, lookbehind or backreferences`
        : `is not a valid regular expression (${detail})`;
    }
    compiled.set(pattern, result);
  }
  return result;
}
