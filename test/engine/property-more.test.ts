// Properties of the newer inputs and edits: Terraform plans of any shape never make the reader or the
// engine throw, and --fix edits on random requests either keep the file parseable or are not made.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSubject, type EnabledRule } from "../../src/engine/runner.js";
import { withDefaults } from "../../src/engine/options.js";
import { applyEdits } from "../../src/fix/edits.js";
import { editFor } from "../../src/fix/ops.js";
import { parseJson } from "../../src/input/json.js";
import { parseYaml } from "../../src/input/yaml.js";
import { terraformSubjects } from "../../src/input/terraform.js";
import { requestSubjects } from "../../src/input/subjects.js";
import type { Subject } from "../../src/model/types.js";
import { RULES } from "../../rules/index.js";
import { stringify } from "yaml";

const ENABLED: EnabledRule[] = RULES.map((rule) => ({
  rule,
  severity: "error",
  options: withDefaults(rule, rule.id === "kms-key-allowed" ? { keys: ["alias/*"] } : rule.id === "copy-tags" ? { value: true } : rule.id === "snapshot-max-age" ? { days: 1 } : rule.id === "region-allowed" ? { destinations: ["us-*"] } : rule.id === "snapshot-shared" ? { accounts: [] } : rule.id === "target-name" ? { patterns: ["*"] } : rule.id === "tag-policy" ? { required: ["Owner"] } : undefined),
}));

const argument = fc.constantFrom("source_db_cluster_snapshot_identifier", "target_db_cluster_snapshot_identifier", "kms_key_id", "copy_tags", "presigned_url", "tags", "region", "destination_region", "storage_encrypted", "db_cluster_identifier", "db_cluster_snapshot_identifier");
const after = fc.dictionary(argument, fc.oneof(fc.jsonValue(), fc.string(), fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 })), { maxKeys: 8 });
const change = fc.record({
  address: fc.oneof(fc.string(), fc.jsonValue()),
  type: fc.constantFrom("aws_rds_cluster_snapshot_copy", "aws_neptune_cluster_snapshot", "aws_neptune_cluster", "aws_s3_bucket", 7),
  change: fc.oneof(fc.jsonValue(), fc.record({ actions: fc.oneof(fc.constant(["create"]), fc.constant(["update"]), fc.jsonValue()), after: fc.oneof(after, fc.jsonValue()), after_unknown: fc.oneof(fc.dictionary(argument, fc.boolean()), fc.jsonValue()) }, { requiredKeys: [] })),
}, { requiredKeys: [] });
const plan = fc.record({ format_version: fc.constant("1.2"), resource_changes: fc.array(fc.oneof(change, fc.jsonValue()), { maxLength: 5 }), configuration: fc.jsonValue() }, { requiredKeys: ["format_version", "resource_changes"] });

describe("Terraform plans of any shape", () => {
  it("are read into subjects and checked without throwing", () => {
    fc.assert(
      fc.property(plan, (p) => {
        for (const s of terraformSubjects(p as Record<string, unknown>)) {
          const subject: Subject = { kind: s.kind, file: "plan.json", index: s.index, pointer: s.pointer, value: s.value, region: s.region, mapPointer: s.mapPointer };
          for (const f of checkSubject(subject, ENABLED, {}, { now: new Date() }).findings) expect(f.pointer.startsWith(s.pointer)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

const tag = fc.record({ Key: fc.constantFrom("Owner", "Purpose", "aws:x"), Value: fc.constantFrom("a", "b") });
const request = fc.record(
  {
    SourceDBClusterSnapshotIdentifier: fc.constantFrom("graph-prod", "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:graph-prod"),
    TargetDBClusterSnapshotIdentifier: fc.constantFrom("graph-prod-copy", "bad--id"),
    PreSignedUrl: fc.constantFrom("https://x", ""),
    CopyTags: fc.boolean(),
    Tags: fc.array(tag, { maxLength: 4 }),
  },
  { requiredKeys: ["SourceDBClusterSnapshotIdentifier", "TargetDBClusterSnapshotIdentifier"] },
);

describe("--fix edits on random requests", () => {
  it("leave JSON (pretty or on one line) and YAML parseable, and fix what they claim", () => {
    fc.assert(
      fc.property(request, fc.constantFrom("json-pretty", "json-line", "yaml"), (req, style) => {
        const text = style === "yaml" ? stringify(req) : JSON.stringify(req, null, style === "json-pretty" ? 2 : undefined);
        const parse = style === "yaml" ? parseYaml : parseJson;
        const check = (source: string) => {
          const doc = parse(source);
          const [raw] = requestSubjects(doc).subjects;
          const subject: Subject = { kind: "request", file: "a", index: 0, pointer: raw!.pointer, value: raw!.value, region: "us-west-2", account: "111122223333", duplicates: raw!.duplicates };
          const result = { file: "a", subject: "request" as const, id: null, index: 0, region: "us-west-2", findings: checkSubject(subject, ENABLED, {}, { now: new Date(), remediation: { kmsKeys: { "us-west-2": "alias/neptune-dr" } } }).findings };
          return { doc, subject, result };
        };
        // Passes, as lint --fix makes them: overlapping edits wait for the next one.
        let fixed = text;
        for (let pass = 0; pass < 10; pass++) {
          const { doc, subject, result } = check(fixed);
          const edits = result.findings.flatMap((f) => {
            const edit = f.fix && editFor(fixed, doc, style === "yaml" ? "yaml" : "json", subject, f.fix);
            return edit ? [edit] : [];
          });
          const next = applyEdits(fixed, edits);
          if (next.applied === 0) break;
          fixed = next.text;
        }
        const after = parse(fixed).value as Record<string, unknown>;
        if ("PreSignedUrl" in req) expect(after).not.toHaveProperty("PreSignedUrl");
        expect(check(fixed).result.findings.filter((f) => f.ruleId === "presigned-url")).toEqual([]);
        // Nothing else is lost: every member but the removed one is still there.
        for (const key of Object.keys(req)) if (key !== "PreSignedUrl" && key !== "CopyTags" && key !== "Tags") expect(after[key]).toEqual((req as Record<string, unknown>)[key]);
      }),
      { numRuns: 300 },
    );
  });
});
