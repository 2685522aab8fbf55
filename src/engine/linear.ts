// The linear-time matcher (re2js, a port of RE2) that config globs and patterns run on, and picomatch,
// which reads the globs: together ~220 KB of JavaScript that builds tables as it loads, a fifth of the
// start-up of a plain lint, which needs neither. So they are loaded, once, by whoever loads a policy
// that gives a glob or pattern (config globs, rule options, custom rules, --rule options), before
// anything is compiled.
import type Picomatch from "picomatch";
import type { RE2JS } from "re2js";
import type { PolicyConfig, RuleSetting } from "../model/policy.js";

export interface LinearEngine {
  RE2: typeof RE2JS;
  /** Globs are read with picomatch (its syntax and meaning), then run on RE2. */
  picomatch: typeof Picomatch;
}

let engine: LinearEngine | undefined;

export async function loadLinearEngine(): Promise<void> {
  if (engine !== undefined) return;
  const [re2, picomatch] = await Promise.all([import("re2js"), import("picomatch")]);
  engine = { RE2: re2.RE2JS, picomatch: picomatch.default };
}

/** The engine; compiling before a policy that needs it was loaded is a bug, never a silent fallback. */
export function linearEngine(): LinearEngine {
  if (engine === undefined) throw new Error("internal error: a glob or pattern was compiled before loadLinearEngine()");
  return engine;
}

const hasOptions = (rules: Record<string, RuleSetting> | undefined) => Object.values(rules ?? {}).some((s) => Array.isArray(s) && s[1] !== undefined);

/** Whether a config gives anything matched by the engine: globs, rule options or custom rules. */
export function configNeedsLinearEngine(config: Omit<PolicyConfig, "path" | "dir">): boolean {
  return Boolean(
    config.files?.length || config.ignores?.length || config.overrides?.length || config.customRules?.length || hasOptions(config.rules),
  );
}
