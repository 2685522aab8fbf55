import rule from "../../../rules/presigned-url.js";
import type { RuleCases } from "../../support/rule-tester.js";

const base = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: "prod-2026-11-01-copy" };

export default {
  rule,
  valid: [
    { name: "no PreSignedUrl", value: base },
    { name: "cross-region with SourceRegion only", value: { ...base, SourceDBClusterSnapshotIdentifier: "arn:aws:rds:us-west-2:111122223333:cluster-snapshot:prod", SourceRegion: "us-west-2" }, region: "us-east-1" },
    { name: "not an object (schema's business)", value: "PreSignedUrl" },
  ],
  invalid: [
    { name: "a URL", value: { ...base, PreSignedUrl: "https://rds.us-west-2.amazonaws.com/?Action=CopyDBClusterSnapshot" }, findings: [{ pointer: "/PreSignedUrl", messageId: "set" }], output: base },
    { name: "empty string", value: { ...base, PreSignedUrl: "" }, findings: [{ pointer: "/PreSignedUrl", messageId: "set" }], output: base },
    { name: "null", value: { ...base, PreSignedUrl: null }, findings: [{ pointer: "/PreSignedUrl", messageId: "set", message: "not supported" }], output: base },
  ],
} satisfies RuleCases;
