// Per-file settings: the rules enabled (with severity and options) and the destination defaults, from
// the recommended policy, the config, the overrides whose globs match the file, and --rule flags.
import { relativeSlashed } from "../io/paths.js";
import { globMatcher } from "../engine/glob.js";
import type { EnabledRule } from "../engine/runner.js";
import { withDefaults } from "../engine/options.js";
import type { Rule } from "../engine/rule.js";
import type { Severity, SeveritySetting } from "../model/types.js";
import { ConfigError, ruleOptionsProblem } from "./load.js";
import type { CliRuleSetting, PolicyConfig, RuleSetting } from "../model/policy.js";

export interface FileSettings {
  rules: EnabledRule[];
  /** From the last matching override, else the config. */
  region?: string;
  account?: string;
}

interface Layer {
  severity: SeveritySetting;
  options?: Record<string, unknown>;
  /** Set by the config or --rule, not the recommended policy alone. */
  given?: true;
}

function toLayer(setting: RuleSetting): Layer {
  if (typeof setting === "string") return { severity: setting };
  return { severity: setting[0], ...(setting[1] !== undefined ? { options: setting[1] } : {}) };
}

const SEVERITY: Record<Exclude<SeveritySetting, "off">, Severity> = { error: "error", warn: "warning" };

export class SettingsResolver {
  private readonly overrideMatchers: ((path: string) => boolean)[];
  private readonly cache = new Map<string, FileSettings>();

  constructor(
    private readonly config: PolicyConfig,
    /** Built-in and custom rules. */
    private readonly rules: readonly Rule[],
    private readonly cliRules: readonly CliRuleSetting[] = [],
  ) {
    this.overrideMatchers = (config.overrides ?? []).map((o) => globMatcher(o.files));
    // Settle option problems now, not at the first file they apply to.
    this.cache.set("", this.build([]));
    this.overrideMatchers.forEach((_, i) => this.build([i]));
  }

  /** The config's own settings, with no override applied (for live subjects, which have no path). */
  base(): FileSettings {
    return this.cache.get("")!;
  }

  /** Settings for a file (absolute path). */
  forFile(absolutePath: string): FileSettings {
    const rel = relativeSlashed(this.config.dir, absolutePath);
    const matching = this.overrideMatchers.flatMap((match, i) => (match(rel) ? [i] : []));
    const key = matching.join(",");
    let settings = this.cache.get(key);
    if (settings === undefined) {
      settings = this.build(matching);
      this.cache.set(key, settings);
    }
    return settings;
  }

  private build(matching: number[]): FileSettings {
    const layers = new Map<string, Layer>();
    for (const rule of this.rules) layers.set(rule.id, { severity: rule.recommended });
    const apply = (rules: Record<string, RuleSetting> | undefined) => {
      for (const [id, setting] of Object.entries(rules ?? {})) {
        const layer = toLayer(setting);
        // A severity alone keeps the options set earlier, as in ESLint.
        const earlier = layers.get(id);
        layers.set(id, { severity: layer.severity, options: layer.options ?? earlier?.options, given: true });
      }
    };
    apply(this.config.rules);
    let region = this.config.region;
    let account = this.config.account;
    for (const i of matching) {
      const o = this.config.overrides![i]!;
      apply(o.rules);
      region = o.region ?? region;
      account = o.account ?? account;
    }
    for (const c of this.cliRules) {
      const earlier = layers.get(c.id);
      layers.set(c.id, { severity: c.severity, options: c.options ?? earlier?.options, given: true });
    }
    const enabled: EnabledRule[] = [];
    for (const rule of this.rules) {
      const layer = layers.get(rule.id)!;
      if (layer.severity === "off") continue;
      const options = withDefaults(rule, layer.options);
      // A rule the recommended policy enables runs with its own defaults, which test/rules/rules.test.ts
      // validates: only what a config or --rule set is checked, so a run with neither needs no validator.
      const problem = layer.given ? ruleOptionsProblem(rule, options) : undefined;
      if (problem) {
        const where = this.config.path ?? "--rule";
        throw new ConfigError(where, `rule ${rule.id}: ${problem.message}${problem.pointer ? ` (at ${problem.pointer})` : ""}`);
      }
      enabled.push({ rule, severity: SEVERITY[layer.severity], options });
    }
    return { rules: enabled, region, account };
  }
}
