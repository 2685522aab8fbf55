// The linear-time matcher (re2js, a port of RE2) that config globs and patterns run on. It is ~190 KB
// of JavaScript that builds its Unicode tables as it loads: a fifth of a plain lint's start-up, which
// needs no glob or pattern from a config. So it is loaded, once, by whoever loads a policy that
// gives one (config globs, rule options, custom rules, --rule options), before anything is compiled.
import type { RE2JS } from "re2js";
import type { PolicyConfig, RuleSetting } from "../model/policy.js";

let engine: typeof RE2JS | undefined;

export async function loadLinearEngine(): Promise<void> {
  engine ??= (await import("re2js")).RE2JS;
}

/** The engine; compiling before a policy that needs it was loaded is a bug, never a silent fallback. */
export function linearEngine(): typeof RE2JS {
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
