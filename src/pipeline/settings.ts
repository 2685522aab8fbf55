// What a run of the pipeline is told: the policy, where facts come from, and the clock.
import { SettingsResolver } from "../config/resolve.js";
import type { Rule } from "../engine/rule.js";
import type { FactSource } from "../facts/source.js";
import type { CliRuleSetting, PolicyConfig } from "../model/policy.js";
import type { CheckOptions } from "./check.js";
import { NotRunTally } from "./not-run.js";

export interface RunSettings {
  config: PolicyConfig;
  /** Built-in and custom rules. */
  rules: readonly Rule[];
  cliRules?: readonly CliRuleSetting[];
  facts?: FactSource;
  /** --require-facts (config `requireFacts: true`): a check that could not run is a finding. */
  requireFacts?: boolean;
  now?: Date;
}

/** The parts every pipeline run builds from its settings once. */
export function runParts(settings: RunSettings): { resolver: SettingsResolver; check: CheckOptions; tally: NotRunTally } {
  const factOrigin = settings.facts?.origin ?? "none";
  return {
    resolver: new SettingsResolver(settings.config, settings.rules, settings.cliRules),
    check: {
      facts: settings.facts,
      env: { now: settings.now ?? new Date(), remediation: settings.config.remediation },
      notRun: { requireFacts: settings.requireFacts ?? settings.config.requireFacts === true, factOrigin },
    },
    tally: new NotRunTally(factOrigin),
  };
}
