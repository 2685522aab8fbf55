import rule from "../../../rules/kms-key-allowed.js";
import type { RuleCases } from "../../support/rule-tester.js";

const request = { SourceDBClusterSnapshotIdentifier: "prod-2026-11-01", TargetDBClusterSnapshotIdentifier: "prod-2026-11-01-copy" };
const withKey = (KmsKeyId: string) => ({ ...request, KmsKeyId });
const ALIASES = { keys: ["arn:aws:kms:*:111122223333:alias/neptune-*"] };
const KEYS = { keys: ["arn:aws:kms:*:111122223333:key/*"] };
const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const here = { region: "us-west-2", account: "111122223333" };
const facts = (aliases: string[]) => ({ key: { KeyId: KEY_ID, Arn: `arn:aws:kms:us-west-2:111122223333:key/${KEY_ID}`, KeyState: "Enabled", Aliases: aliases } });

export default {
  rule,
  valid: [
    { name: "alias ARN matches", value: withKey("arn:aws:kms:us-west-2:111122223333:alias/neptune-dr"), options: ALIASES },
    { name: "alias name with a known destination", value: withKey("alias/neptune-dr"), ...here, options: ALIASES },
    { name: "key id matched through its aliases in the facts", value: withKey(KEY_ID), ...here, options: ALIASES, facts: facts(["alias/neptune-prod"]) },
    { name: "key ARN against key globs", value: withKey(`arn:aws:kms:eu-west-1:111122223333:key/${KEY_ID}`), options: KEYS },
    { name: "bare key id glob", value: withKey(KEY_ID), options: { keys: [KEY_ID] } },
    { name: "malformed key is kms-key-format's business", value: withKey("neptune-dr"), options: ALIASES },
    { name: "unencrypted source: no key to judge", value: request, options: ALIASES, facts: { sourceSnapshot: { StorageEncrypted: false } } },
    {
      name: "snapshot with an allowed key",
      kind: "snapshot",
      value: { DBClusterSnapshotArn: "arn:aws:rds:us-west-2:111122223333:cluster-snapshot:s", KmsKeyId: `arn:aws:kms:us-west-2:111122223333:key/${KEY_ID}` },
      options: KEYS,
    },
  ],
  invalid: [
    { name: "alias ARN of another account", value: withKey("arn:aws:kms:us-west-2:444455556666:alias/neptune-dr"), options: ALIASES, findings: [{ pointer: "/KmsKeyId", messageId: "notAllowed", message: "444455556666" }] },
    { name: "alias name not matching", value: withKey("alias/aws/rds"), ...here, options: ALIASES, findings: [{ pointer: "/KmsKeyId", messageId: "notAllowed", message: '"alias/aws/rds"' }] },
    { name: "alias name against alias-name globs, no destination known", value: withKey("alias/other"), options: { keys: ["alias/neptune-*"] }, findings: [{ pointer: "/KmsKeyId", messageId: "notAllowed" }] },
    { name: "key id against key-id globs", value: withKey(KEY_ID), options: { keys: ["mrk-*"] }, findings: [{ pointer: "/KmsKeyId", messageId: "notAllowed" }] },
    { name: "key whose aliases match none", value: withKey(KEY_ID), ...here, options: ALIASES, facts: facts(["alias/other"]), findings: [{ pointer: "/KmsKeyId", messageId: "notAllowed" }] },
    { name: "key id against alias globs, no facts", value: withKey(KEY_ID), ...here, options: ALIASES, findings: [{ pointer: "", messageId: "unverified", severity: "warning", message: "aliases" }] },
    { name: "alias name with no account known", value: withKey("alias/neptune-dr"), region: "us-west-2", options: ALIASES, findings: [{ pointer: "", messageId: "unverified", severity: "warning" }] },
    {
      name: "copy keeps a source key that is not allowed",
      value: request,
      options: ALIASES,
      facts: { sourceSnapshot: { StorageEncrypted: true, KmsKeyId: `arn:aws:kms:us-west-2:111122223333:key/${KEY_ID}` } },
      findings: [{ pointer: "", messageId: "inherited" }],
    },
    { name: "no key and no source facts", value: request, options: ALIASES, findings: [{ pointer: "", messageId: "unverified", severity: "warning", message: "--inventory" }] },
    {
      name: "snapshot key of another account",
      kind: "snapshot",
      value: { DBClusterSnapshotArn: "arn:aws:rds:us-west-2:444455556666:cluster-snapshot:s", KmsKeyId: `arn:aws:kms:us-west-2:444455556666:key/${KEY_ID}` },
      options: KEYS,
      findings: [{ pointer: "/KmsKeyId", messageId: "notAllowed" }],
    },
  ],
} satisfies RuleCases;
