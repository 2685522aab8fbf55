// `rules [ID]`: the rule list, or one rule's doc page.
import { readFileSync } from "node:fs";
import { RULES } from "../../rules/index.js";
import { UsageError } from "./errors.js";
import { ruleDocPath, ruleHelpUri } from "./package-info.js";

export function rulesCommand(args: { id?: string; format: string }): number {
  if (args.id !== undefined) {
    const rule = RULES.find((r) => r.id === args.id);
    if (rule === undefined) throw new UsageError(`unknown rule ${args.id} (run \`rules\` for the list)`);
    if (args.format === "json") process.stdout.write(JSON.stringify({ id: rule.id, summary: rule.summary, description: rule.description, subjects: rule.subjects, recommended: rule.recommended, needs: rule.needs, options: rule.options, docs: rule.docs ?? [], helpUri: ruleHelpUri(rule.id) }, null, 2) + "\n");
    else process.stdout.write(readFileSync(ruleDocPath(rule.id), "utf8"));
    return 0;
  }
  if (args.format === "json") {
    process.stdout.write(JSON.stringify(RULES.map((r) => ({ id: r.id, recommended: r.recommended, subjects: r.subjects, summary: r.summary })), null, 2) + "\n");
    return 0;
  }
  const rows = RULES.map((r) => [r.id, r.recommended, r.subjects.length === 2 ? "both" : r.subjects[0]!, r.summary]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length), ["id", "default", "subjects"][i]!.length));
  const line = (row: string[]) => row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join("  ").trimEnd();
  process.stdout.write([line(["id", "default", "subjects", "summary"]), ...rows.map(line)].join("\n") + "\n");
  return 0;
}
