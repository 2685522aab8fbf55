import rule from "../../../rules/request-schema.js";
import type { RuleCases } from "../../support/rule-tester.js";

const base = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: "prod-2026-11-01-copy" };

export default {
  rule,
  valid: [
    { name: "the two required members", value: base },
    {
      name: "every member",
      value: { ...base, KmsKeyId: "alias/neptune", CopyTags: false, Tags: [{ Key: "Owner", Value: "graph" }, { Key: "NoValue" }], SourceRegion: "us-west-2", PreSignedUrl: "x" },
    },
    { name: "values with bad syntax are other rules' business", value: { SourceDBClusterSnapshotIdentifier: "", TargetDBClusterSnapshotIdentifier: "9--", KmsKeyId: "nope", Tags: [{ Key: "", Value: "" }] } },
    { name: "empty tag list", value: { ...base, Tags: [] } },
  ],
  invalid: [
    { name: "missing source", value: { TargetDBClusterSnapshotIdentifier: "t" }, findings: [{ pointer: "", messageId: "invalid", message: "missing the required member SourceDBClusterSnapshotIdentifier" }] },
    {
      name: "both identifiers missing",
      value: {},
      findings: [
        { pointer: "", messageId: "invalid", message: "SourceDBClusterSnapshotIdentifier" },
        { pointer: "", messageId: "invalid", message: "TargetDBClusterSnapshotIdentifier" },
      ],
    },
    { name: "unknown member with wrong case", value: { ...base, KmsKeyID: "alias/x" }, findings: [{ pointer: "/KmsKeyID", messageId: "invalid", message: "did you mean KmsKeyId" }] },
    { name: "CopyTags as a string", value: { ...base, CopyTags: "yes" }, findings: [{ pointer: "/CopyTags", messageId: "invalid", message: "must be a boolean, not a string" }] },
    { name: "tag without Key", value: { ...base, Tags: [{ Value: "v" }] }, findings: [{ pointer: "/Tags/0", messageId: "invalid", message: "missing the required member Key" }] },
    { name: "tag with an unknown member", value: { ...base, Tags: [{ Key: "k", value: "v" }] }, findings: [{ pointer: "/Tags/0/value", messageId: "invalid", message: "did you mean Value" }] },
    { name: "identifier as a number", value: { ...base, TargetDBClusterSnapshotIdentifier: 42 }, findings: [{ pointer: "/TargetDBClusterSnapshotIdentifier", messageId: "invalid", message: "must be a string, not an integer" }] },
    { name: "not an object", value: ["x"], findings: [{ pointer: "", messageId: "invalid", message: "must be an object, not an array" }] },
    { name: "null KmsKeyId (empty YAML value)", value: { ...base, KmsKeyId: null }, findings: [{ pointer: "/KmsKeyId", messageId: "invalid", message: "not null" }] },
    { name: "Tags not an array", value: { ...base, Tags: { Owner: "x" } }, findings: [{ pointer: "/Tags", messageId: "invalid", message: "must be an array" }] },
  ],
} satisfies RuleCases;
