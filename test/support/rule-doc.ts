// Renders a rule's doc page from its metadata and its case table (first valid and invalid example,
// with the message the rule really gives). test/docs.test.ts keeps docs/rules/ in step with it.
import type { Rule, JsonSchema } from "../../src/engine/rule.js";
import { runCase, type RuleCases, type RuleCase } from "./rule-tester.js";

const NEED_TEXT: Record<string, string> = {
  destinationRegion: "the destination region (plan `region`, `--region`, config, `AWS_REGION`)",
  destinationAccount: "the destination account (plan `account`, `--account`, config, or `--live`)",
  sourceSnapshot: "facts about the source snapshot (`--inventory` or `--live`)",
  targetSnapshot: "facts about existing snapshots in the destination region (`--inventory` or `--live`)",
  key: "KMS key metadata (`--inventory` with `Keys`, or `--live`)",
  sourceKey: "the source snapshot's own key metadata (`--inventory` with `Keys`, or `--live`)",
  shareAttributes: "the snapshot's share attributes (`--inventory` with `DBClusterSnapshotAttributes`, or `--live`)",
};

function schemaType(schema: Record<string, unknown>): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => `\`${JSON.stringify(v)}\``).join(" \\| ");
  if (schema.type === "array") return `${schemaType((schema.items ?? {}) as Record<string, unknown>)}[]`;
  if (typeof schema.type === "string") return schema.type;
  if (schema.type === undefined && schema.additionalProperties) return "object";
  return "value";
}

function optionsTable(rule: Rule): string {
  const schema = rule.options as JsonSchema & { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  const entries = Object.entries(schema.properties ?? {});
  if (entries.length === 0) return "This rule has no options.";
  const defaults = (rule.defaults ?? {}) as Record<string, unknown>;
  const rows = entries.map(([name, s]) => {
    const dflt = name in defaults ? `\`${JSON.stringify(defaults[name])}\`` : name === "unverified" ? '`"warn"`' : (schema.required ?? []).includes(name) ? "required" : "—";
    return `| \`${name}\` | ${schemaType(s)} | ${dflt} | ${String(s.description ?? "").replace(/\|/g, "\\|").replace(/\n/g, " ")} |`;
  });
  return ["| option | type | default | meaning |", "|---|---|---|---|", ...rows].join("\n");
}

function example(c: RuleCase): string {
  const settings: string[] = [];
  if (c.region) settings.push(`destination region \`${c.region}\``);
  if (c.account) settings.push(`account \`${c.account}\``);
  if (c.options && Object.keys(c.options).length) settings.push(`options \`${JSON.stringify(c.options)}\``);
  if (c.facts && Object.keys(c.facts).length) settings.push(`facts \`${JSON.stringify(c.facts)}\``);
  const head = `${c.name ? `${c.name[0]!.toUpperCase()}${c.name.slice(1)}` : "Example"}${settings.length ? ` (${settings.join(", ")})` : ""}:`;
  return `${head}\n\n\`\`\`json\n${JSON.stringify(c.value, null, 2)}\n\`\`\``;
}

export function renderRuleDoc(cases: RuleCases): string {
  const { rule } = cases;
  const subjects = rule.subjects.map((s) => (s === "request" ? "copy requests" : "snapshots")).join(" and ");
  const needs = rule.needs.length ? rule.needs.map((n) => NEED_TEXT[n] ?? n).join("; ") : "nothing beyond the subject";
  const invalid = cases.invalid[0]!;
  const findings = runCase(rule, invalid);
  const parts = [
    `# ${rule.id}`,
    "",
    `${rule.summary}.`,
    "",
    "| | |",
    "|---|---|",
    `| recommended policy | ${rule.recommended === "off" ? "off" : `\`${rule.recommended}\``} |`,
    `| applies to | ${subjects} |`,
    `| needs | ${needs} |`,
    ...(rule.fixable ? ["| fixable | with `--fix` (safe edits that keep comments, order and formatting) |"] : []),
    "",
    "## What it checks",
    "",
    rule.description.trim(),
    "",
  ];
  if (rule.needs.length) {
    parts.push(
      "When a fact it needs was not gathered (no `--inventory` or `--live`), or a value is known only after a",
      "Terraform apply, the rule does not guess: it is not run for that subject, and the run says so once, with the",
      "number of subjects it could not judge and how to supply the facts (`--require-facts` makes each such check a",
      "finding instead). A missing destination region or account is one warning on the subject, naming the rules it",
      "held back. Set the option `unverified: off` to drop the notice.",
      "",
    );
  }
  parts.push(
    "## Options",
    "",
    optionsTable(rule),
    "",
    "## Examples",
    "",
    `Passes. ${example(cases.valid[0]!)}`,
    "",
    `Fails. ${example(invalid)}`,
    "",
    ...findings.map((f) => `> \`${f.pointer || "/"}\` ${f.severity}: ${f.message}`),
    "",
  );
  const fixed = cases.invalid.find((c) => c.output !== undefined);
  if (fixed) parts.push(`Fixed by \`--fix\`. ${example(fixed)}`, "", "becomes", "", `\`\`\`json\n${JSON.stringify(fixed.output, null, 2)}\n\`\`\``, "");
  if (rule.docs?.length) {
    parts.push("## AWS documentation", "", ...rule.docs.map((d) => `- [${d.title}](${d.url})`), "");
  }
  parts.push("<!-- Generated from the rule's metadata and test/rules/cases by `npm run docs`; do not edit. -->", "");
  return parts.join("\n");
}

export function renderRuleList(rules: readonly Rule[]): string {
  const rows = rules.map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.recommended} | ${r.subjects.length === 2 ? "both" : r.subjects[0]} | ${r.summary} |`);
  return ["| rule | recommended | subjects | summary |", "|---|---|---|---|", ...rows].join("\n");
}
