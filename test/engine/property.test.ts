// Property: whatever the input, the parser and the engine never throw. Each input yields findings
// (possibly none) or an InputError (exit 2), never a crash or a silent pass of a non-request.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSubject, type EnabledRule } from "../../src/engine/runner.js";
import { withDefaults } from "../../src/engine/options.js";
import { InputError, decode, parseText } from "../../src/input/read.js";
import { requestSubjects } from "../../src/input/subjects.js";
import type { Facts } from "../../src/model/types.js";
import { RULES } from "../../rules/index.js";

/** Every rule on, with options that switch on the optional checks. */
const OPTIONS: Record<string, Record<string, unknown>> = {
  "kms-key-allowed": { keys: ["alias/neptune-*", "arn:aws:kms:*:111122223333:*"] },
  "tag-policy": { required: ["Owner"], patterns: { CostCenter: "^cc-[0-9]{4}$" }, allowed: ["Owner", "CostCenter", "Name"] },
  "target-name": { patterns: ["*-copy"] },
  "region-allowed": { destinations: ["us-*"], sources: ["us-*"] },
  "snapshot-shared": { accounts: ["111122223333"] },
  "snapshot-max-age": { days: 30 },
};
const ENABLED: EnabledRule[] = RULES.map((rule) => ({ rule, severity: "error", options: withDefaults(rule, OPTIONS[rule.id]) }));

const member = fc.constantFrom("SourceDBClusterSnapshotIdentifier", "TargetDBClusterSnapshotIdentifier", "KmsKeyId", "CopyTags", "Tags", "SourceRegion", "PreSignedUrl", "kmsKeyId", "copies");
const textish = fc.oneof(
  fc.string(),
  fc.constantFrom("arn:aws:rds:us-east-1:111122223333:cluster-snapshot:a", "arn:aws-cn:rds:cn-north-1:111122223333:cluster-snapshot:rds:b-1", "rds:x", "alias/aws/rds", "mrk-" + "a".repeat(32), "arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab", "us-east-1", "eu-west-1", "", "aws:x"),
);
const value = fc.oneof(textish, fc.jsonValue(), fc.array(fc.record({ Key: fc.oneof(textish, fc.jsonValue()), Value: fc.oneof(textish, fc.jsonValue()) }, { requiredKeys: [] }), { maxLength: 60 }));
const requestLike = fc.dictionary(fc.oneof(member, fc.string()), value, { maxKeys: 9 });
const snapshotLike = fc.record(
  {
    DBClusterSnapshotArn: textish,
    KmsKeyId: textish,
    StorageEncrypted: fc.oneof(fc.boolean(), fc.jsonValue()),
    Status: fc.constantFrom("available", "creating", 3),
    Engine: fc.constantFrom("neptune", "aurora", null),
    SnapshotType: fc.constantFrom("manual", "automated", "shared"),
    SnapshotCreateTime: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
    TagList: value,
    DBClusterSnapshotAttributes: fc.oneof(fc.jsonValue(), fc.constant([{ AttributeName: "restore", AttributeValues: ["all", "444455556666"] }])),
  },
  { requiredKeys: [] },
);
const facts: fc.Arbitrary<Facts> = fc.record(
  {
    sourceSnapshot: fc.oneof(fc.constant(null), snapshotLike as fc.Arbitrary<Facts["sourceSnapshot"]>),
    targetSnapshot: fc.oneof(fc.constant(null), snapshotLike as fc.Arbitrary<Facts["targetSnapshot"]>),
    key: fc.oneof(fc.constant(null), fc.record({ Arn: textish, KeyId: textish, KeyState: fc.constantFrom("Enabled", "PendingDeletion", 1), KeyManager: fc.constantFrom("AWS", "CUSTOMER") }, { requiredKeys: [] }) as fc.Arbitrary<Facts["key"]>),
  },
  { requiredKeys: [] },
);
const region = fc.option(fc.constantFrom("us-east-1", "eu-west-1", "cn-north-1", "us-gov-west-1", "xx-nowhere-9"), { nil: undefined });
const account = fc.option(fc.constantFrom("111122223333", "444455556666"), { nil: undefined });

async function throughEverything(text: string, syntax: "json" | "yaml", r?: string, a?: string, f: Facts = {}) {
  let doc;
  try {
    doc = await parseText(text, syntax);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return;
  }
  let parts;
  try {
    parts = requestSubjects(doc);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return;
  }
  for (const raw of parts.subjects) {
    const findings = checkSubject({ kind: "request", file: "f", index: raw.index, pointer: raw.pointer, value: raw.value, region: r, account: a, duplicates: raw.duplicates }, ENABLED, f, { now: new Date() }).findings;
    for (const finding of findings) {
      // Placeholders are checked where they are filled (formatMessage throws); user data may hold any text.
      expect(typeof finding.message).toBe("string");
      doc.locate(finding.pointer, finding.target);
    }
  }
}

describe("no input makes the parser or the engine throw", () => {
  it("random JSON values, as JSON and as YAML", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(requestLike, fc.array(requestLike, { maxLength: 3 }), fc.record({ region: fc.oneof(textish, fc.jsonValue()), copies: fc.oneof(fc.array(requestLike, { maxLength: 3 }), fc.jsonValue()) }, { requiredKeys: [] }), fc.jsonValue()), region, account, facts, async (v, r, a, f) => {
        const json = JSON.stringify(v) ?? "null";
        await throughEverything(json, "json", r, a, f);
        await throughEverything(json, "yaml", r, a, f);
      }),
      { numRuns: 400 },
    );
  });

  it("random snapshots through the snapshot rules", () => {
    fc.assert(
      fc.property(snapshotLike, region, facts, (s, r, f) => {
        const findings = checkSubject({ kind: "snapshot", file: "inventory.json", index: 0, pointer: "/DBClusterSnapshots/0", value: s, region: r }, ENABLED, f, { now: new Date() }).findings;
        for (const finding of findings) expect(finding.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it("random bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.constantFrom("json" as const, "yaml" as const), async (bytes, syntax) => {
        let text: string;
        try {
          text = decode(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          return;
        }
        await throughEverything(text, syntax, "us-east-1");
      }),
      { numRuns: 400 },
    );
  });

  it("random text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 200 }), fc.constantFrom("json" as const, "yaml" as const), async (text, syntax) => {
        await throughEverything(text, syntax, "eu-west-1", "111122223333");
      }),
      { numRuns: 400 },
    );
  });
});
