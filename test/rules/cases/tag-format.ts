import rule from "../../../rules/tag-format.js";
import type { RuleCases } from "../../support/rule-tester.js";

const base = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: "prod-2026-11-01-copy" };
const tags = (...Tags: unknown[]) => ({ ...base, Tags });
const snapshot = (...TagList: unknown[]) => ({
  DBClusterSnapshotIdentifier: "snap",
  DBClusterSnapshotArn: "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:snap",
  SnapshotType: "manual",
  TagList,
});
/** A letter outside the Basic Multilingual Plane (U+1D49C): one code point, two UTF-16 units. */
const astral = "\u{1D49C}";

export default {
  rule,
  valid: [
    {
      name: "letters of any script, digits, spaces and the allowed punctuation",
      value: tags({ Key: "Owner", Value: "graph-team" }, { Key: "Größe", Value: "部署 1" }, { Key: "a_b.c:d/e=f+g-h", Value: "x y\u00a0z" }),
    },
    { name: "an empty value", value: tags({ Key: "Flag", Value: "" }) },
    { name: "a tag without Value", value: tags({ Key: "Flag" }) },
    { name: "a key of exactly 128 and a value of exactly 256 characters", value: tags({ Key: "k".repeat(128), Value: "v".repeat(256) }) },
    {
      name: "lengths count code points: 128 astral letters are 256 UTF-16 units",
      value: tags({ Key: astral.repeat(128), Value: astral.repeat(256) }),
    },
    { name: "a non-string Key or Value is request-schema's business", value: tags({ Key: 7, Value: "#" }, { Key: "Ok", Value: 12 }, "nope") },
    { name: "no Tags", value: base },
    { name: "Tags not an array is request-schema's business", value: { ...base, Tags: "Owner=me" } },
    { name: "snapshot with well-formed tags", kind: "snapshot", value: snapshot({ Key: "aws:backup:source-resource", Value: "cluster-1" }) },
  ],
  invalid: [
    {
      name: "a key with a character Neptune does not allow",
      value: tags({ Key: "Owner", Value: "me" }, { Key: "cost#center", Value: "cc-1234" }),
      findings: [{ pointer: "/Tags/1/Key", messageId: "keyCharacters", message: '"cost#center" contains "#"' }],
    },
    { name: "an empty key", value: tags({ Key: "", Value: "x" }), findings: [{ pointer: "/Tags/0/Key", messageId: "keyEmpty" }] },
    {
      name: "a key of 129 characters",
      value: tags({ Key: "k".repeat(129) }),
      findings: [{ pointer: "/Tags/0/Key", messageId: "keyTooLong", message: "is 129 characters long" }],
    },
    {
      name: "a value of 257 characters",
      value: tags({ Key: "Note", Value: "v".repeat(257) }),
      findings: [{ pointer: "/Tags/0/Value", messageId: "valueTooLong", message: "is 257 characters long" }],
    },
    {
      name: "129 astral letters are 129 characters",
      value: tags({ Key: astral.repeat(129) }),
      findings: [{ pointer: "/Tags/0/Key", messageId: "keyTooLong", message: "is 129 characters long" }],
    },
    {
      name: "a value with characters not allowed, each named once",
      value: tags({ Key: "Contact", Value: "me@example.com, you@example.com 🙂" }),
      findings: [{ pointer: "/Tags/0/Value", messageId: "valueCharacters", message: '"@", ",", "🙂"' }],
    },
    {
      name: "a key both too long and with bad characters is one finding",
      value: tags({ Key: `${"k".repeat(130)}!` }),
      findings: [{ pointer: "/Tags/0/Key", messageId: "keyTooLong", message: 'It also contains "!"' }],
    },
    {
      name: "a bad key and a bad value of one tag are two findings",
      value: tags({ Key: "a*b", Value: "c;d" }),
      findings: [
        { pointer: "/Tags/0/Key", messageId: "keyCharacters" },
        { pointer: "/Tags/0/Value", messageId: "valueCharacters" },
      ],
    },
    {
      name: "control characters and lone surrogates are not letters",
      value: tags({ Key: "Tab\tKey" }, { Key: "Half", Value: "\ud800" }),
      findings: [
        { pointer: "/Tags/0/Key", messageId: "keyCharacters", message: '"\\t"' },
        { pointer: "/Tags/1/Value", messageId: "valueCharacters", message: '"\\ud800"' },
      ],
    },
    {
      name: "snapshot tag with a value not allowed",
      kind: "snapshot",
      value: snapshot({ Key: "Owner", Value: "graph" }, { Key: "Purpose", Value: "dr<test>" }),
      findings: [{ pointer: "/TagList/1/Value", messageId: "valueCharacters", message: '"<", ">"' }],
    },
  ],
} satisfies RuleCases;
