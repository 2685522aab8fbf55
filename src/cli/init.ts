// `init`: write a commented snapshot-policy.yml in the working directory: the recommended policy,
// every rule with its severity, and the usual organisation rules shown but off. Never overwrites.
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RULES } from "../../rules/index.js";
import { CONFIG_NAMES } from "../config/load.js";
import { EXIT, UsageError } from "./errors.js";

export function policyTemplate(): string {
  const lines = [
    "# neptune-snapshot-policy configuration (see the README's Configuration section).",
    "# Rules not named keep their recommended severity; this file names them all so you can see them.",
    "# Severity: off | warn | error, or [severity, { options }]. Docs: neptune-snapshot-policy rules ID",
    "",
    "# Destination defaults for requests whose file does not state one (a plan's own region wins).",
    "# region: us-east-1",
    '# account: "111122223333"',
    "",
    "# Which files a folder walk lints, relative to this file.",
    '# files: ["copies/**/*.{json,yaml,yml}"]',
    '# ignores: ["copies/archive/**"]',
    "",
    "rules:",
  ];
  for (const rule of RULES) {
    const example = rule.configExample;
    lines.push(`  # ${rule.summary}`);
    if (rule.recommended === "off" && example !== undefined) lines.push(`  # ${rule.id}: ${example}`);
    else lines.push(`  ${rule.id}: ${rule.recommended}`);
  }
  lines.push(
    "",
    "# Per-folder settings; later entries win. Globs are relative to this file.",
    "# overrides:",
    '#   - files: ["copies/eu-*/**"]',
    "#     region: eu-west-1",
    '#     rules: { region-allowed: [error, { destinations: ["eu-*"] }] }',
    "",
    "# For audit --plan-remediation: the key to re-encrypt with per region, and tags to set.",
    "# remediation:",
    "#   kmsKeys: { us-east-1: arn:aws:kms:us-east-1:111122223333:alias/neptune-prod }",
    "#   tags: { Owner: platform-team }",
    "",
  );
  return lines.join("\n");
}

export function initCommand(cwd: string): number {
  const existing = CONFIG_NAMES.find((name) => existsSync(join(cwd, name)));
  if (existing) throw new UsageError(`${existing} already exists here; init never overwrites a config`);
  const path = join(cwd, "snapshot-policy.yml");
  try {
    writeFileSync(path, policyTemplate(), { flag: "wx" });
  } catch (error) {
    throw new UsageError(`cannot write snapshot-policy.yml: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  process.stdout.write("Wrote snapshot-policy.yml: the recommended policy, with the organisation rules shown but off.\n");
  return EXIT.ok;
}
