#!/usr/bin/env node
// Runs the same scenarios with the real SDK against the project's loopback emulator (--builtin) or
// against any other AWS-compatible endpoint (--endpoint URL, seeded through the API), and prints
// what each call answered, so that two emulators can be compared side by side. It sets nothing up
// but data: start the other endpoint yourself. See docs/emulator-fidelity.md.
//
// usage: node bench/emulator-fidelity.mjs --builtin | --endpoint http://127.0.0.1:PORT
import { loadEmulator } from "./emulator.mjs";
import * as kms from "@aws-sdk/client-kms";
import * as neptune from "@aws-sdk/client-neptune";
import * as tagging from "@aws-sdk/client-resource-groups-tagging-api";
import * as sts from "@aws-sdk/client-sts";

const args = process.argv.slice(2);
const builtin = args.includes("--builtin");
let endpoint = args.includes("--endpoint") ? args[args.indexOf("--endpoint") + 1] : undefined;
if (!builtin && !endpoint) {
  console.error("usage: node bench/emulator-fidelity.mjs --builtin | --endpoint URL");
  process.exit(2);
}
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const credentials = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "fidelity" };
let emulator;
if (builtin) {
  emulator = await (await loadEmulator()).startEmulator({ account: "123456789012" });
  endpoint = emulator.url;
}
const config = (region) => ({ region, endpoint, credentials, maxAttempts: 1 });
const rds = (region = "us-east-1") => new neptune.NeptuneClient(config(region));
const keys = (region = "us-east-1") => new kms.KMSClient(config(region));

/** What a call answered: a picked summary, or the error's name, HTTP status and message. */
async function observe(name, call, pick = (x) => x) {
  try {
    return [name, { ok: pick(await call()) }];
  } catch (e) {
    return [name, { error: e.name, status: e.$metadata?.httpStatusCode, message: String(e.message).slice(0, 160) }];
  }
}

// Seed: 250 manual snapshots (every other one tagged), one shared publicly, one unencrypted, a key
// with an alias, a key pending deletion, and a snapshot in us-west-2.
const ACCOUNT = "123456789012";
let keyId, dyingKeyId, westKeyId;
if (builtin) {
  const s = emulator.state;
  keyId = "1234abcd-12ab-34cd-56ef-1234567890ab";
  dyingKeyId = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";
  westKeyId = "0b9e8d7c-6a5b-4c3d-8e2f-1a0b9c8d7e6f";
  s.addKey("us-east-1", { KeyId: keyId });
  s.addAlias("us-east-1", "alias/neptune", keyId);
  s.addKey("us-east-1", { KeyId: dyingKeyId, KeyState: "PendingDeletion" });
  s.addKey("us-west-2", { KeyId: westKeyId });
  for (let i = 0; i < 250; i++) {
    s.addSnapshot("us-east-1", { DBClusterSnapshotIdentifier: `snap-${String(i).padStart(3, "0")}`, DBClusterIdentifier: "graph-prod", StorageEncrypted: i !== 5, ...(i !== 5 ? { KmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/${keyId}` } : {}) }, { tags: i % 2 ? [{ Key: "Owner", Value: `team-${i}` }] : undefined, restore: i === 3 ? ["all"] : [] });
  }
  s.addSnapshot("us-west-2", { DBClusterSnapshotIdentifier: "west-source", DBClusterIdentifier: "graph-west", StorageEncrypted: true, KmsKeyId: `arn:aws:kms:us-west-2:${ACCOUNT}:key/${westKeyId}` });
} else {
  keyId = (await keys().send(new kms.CreateKeyCommand({}))).KeyMetadata.KeyId;
  await keys().send(new kms.CreateAliasCommand({ AliasName: "alias/neptune", TargetKeyId: keyId }));
  dyingKeyId = (await keys().send(new kms.CreateKeyCommand({}))).KeyMetadata.KeyId;
  await keys().send(new kms.ScheduleKeyDeletionCommand({ KeyId: dyingKeyId, PendingWindowInDays: 7 }));
  westKeyId = (await keys("us-west-2").send(new kms.CreateKeyCommand({}))).KeyMetadata.KeyId;
  const cluster = async (region, id, key, encrypted = true) =>
    rds(region).send(new neptune.CreateDBClusterCommand({ DBClusterIdentifier: id, Engine: "neptune", StorageEncrypted: encrypted, ...(encrypted ? { KmsKeyId: key } : {}) }));
  await cluster("us-east-1", "graph-prod", keyId);
  await cluster("us-east-1", "graph-plain", undefined, false);
  await cluster("us-west-2", "graph-west", westKeyId);
  for (let i = 0; i < 250; i++) {
    const id = `snap-${String(i).padStart(3, "0")}`;
    const out = await rds().send(new neptune.CreateDBClusterSnapshotCommand({ DBClusterIdentifier: i === 5 ? "graph-plain" : "graph-prod", DBClusterSnapshotIdentifier: id, ...(i % 2 ? { Tags: [{ Key: "Owner", Value: `team-${i}` }] } : {}) }));
    if (i === 3) await rds().send(new neptune.ModifyDBClusterSnapshotAttributeCommand({ DBClusterSnapshotIdentifier: id, AttributeName: "restore", ValuesToAdd: ["all"] }));
    void out;
  }
  await rds("us-west-2").send(new neptune.CreateDBClusterSnapshotCommand({ DBClusterIdentifier: "graph-west", DBClusterSnapshotIdentifier: "west-source" }));
}

const observations = [];
observations.push(
  await observe("describe: pages of 100 over 250 snapshots", async () => {
    const pages = [];
    let marker;
    do {
      const out = await rds().send(new neptune.DescribeDBClusterSnapshotsCommand({ MaxRecords: 100, Marker: marker }));
      pages.push(out.DBClusterSnapshots.length);
      marker = out.Marker;
    } while (marker && pages.length < 10);
    return pages;
  }),
);
observations.push(await observe("describe: MaxRecords 5", () => rds().send(new neptune.DescribeDBClusterSnapshotsCommand({ MaxRecords: 5 })), (o) => o.DBClusterSnapshots.length));
observations.push(await observe("describe: unknown identifier", () => rds().send(new neptune.DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: "nope" }))));
observations.push(
  await observe("describe: identifier in capitals", () => rds().send(new neptune.DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: "SNAP-001" })), (o) => o.DBClusterSnapshots.map((s) => s.DBClusterSnapshotIdentifier)),
);
observations.push(
  await observe("describe: members of one snapshot", () => rds().send(new neptune.DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: "snap-001" })), (o) => {
    const s = o.DBClusterSnapshots[0];
    return { Engine: s.Engine, Status: s.Status, SnapshotType: s.SnapshotType, StorageEncrypted: s.StorageEncrypted, hasKmsKeyId: typeof s.KmsKeyId === "string", arn: s.DBClusterSnapshotArn?.replace(/\d{12}/, "ACCOUNT"), PercentProgress: s.PercentProgress, SnapshotCreateTime: s.SnapshotCreateTime instanceof Date };
  }),
);
observations.push(
  await observe("attributes: public snapshot", () => rds().send(new neptune.DescribeDBClusterSnapshotAttributesCommand({ DBClusterSnapshotIdentifier: "snap-003" })), (o) => o.DBClusterSnapshotAttributesResult.DBClusterSnapshotAttributes),
);
observations.push(await observe("attributes: unknown snapshot", () => rds().send(new neptune.DescribeDBClusterSnapshotAttributesCommand({ DBClusterSnapshotIdentifier: "nope" }))));
observations.push(
  await observe("tags: ListTagsForResource", () => rds().send(new neptune.ListTagsForResourceCommand({ ResourceName: `arn:aws:rds:us-east-1:${ACCOUNT}:cluster-snapshot:snap-001` })), (o) => o.TagList),
);
observations.push(
  await observe("tagging: GetResources rds:cluster-snapshot, 100 per page", async () => {
    const pages = [];
    let token;
    do {
      const out = await new tagging.ResourceGroupsTaggingAPIClient(config("us-east-1")).send(new tagging.GetResourcesCommand({ ResourceTypeFilters: ["rds:cluster-snapshot"], ResourcesPerPage: 100, PaginationToken: token }));
      pages.push(out.ResourceTagMappingList.length);
      token = out.PaginationToken || undefined;
    } while (token && pages.length < 10);
    return pages;
  }),
);
for (const [label, id] of [["key id", keyId], ["key ARN", `arn:aws:kms:us-east-1:${ACCOUNT}:key/${keyId}`], ["alias name", "alias/neptune"], ["alias ARN", `arn:aws:kms:us-east-1:${ACCOUNT}:alias/neptune`], ["missing alias", "alias/missing"], ["key ARN of another region", `arn:aws:kms:us-west-2:${ACCOUNT}:key/${westKeyId}`]]) {
  observations.push(await observe(`kms: DescribeKey by ${label}`, () => keys().send(new kms.DescribeKeyCommand({ KeyId: id })), (o) => ({ sameKey: o.KeyMetadata.KeyId === keyId, KeyState: o.KeyMetadata.KeyState, KeyManager: o.KeyMetadata.KeyManager })));
}
observations.push(await observe("kms: DescribeKey pending deletion", () => keys().send(new kms.DescribeKeyCommand({ KeyId: dyingKeyId })), (o) => o.KeyMetadata.KeyState));
observations.push(await observe("kms: DescribeKey alias/aws/rds", () => keys().send(new kms.DescribeKeyCommand({ KeyId: "alias/aws/rds" })), (o) => o.KeyMetadata.KeyManager));
observations.push(await observe("sts: GetCallerIdentity", () => new sts.STSClient(config("us-east-1")).send(new sts.GetCallerIdentityCommand({})), (o) => o.Account));
const copy = (input, region = "us-east-1") => rds(region).send(new neptune.CopyDBClusterSnapshotCommand(input));
const pick = (o) => ({ Status: o.DBClusterSnapshot.Status, SourceArn: o.DBClusterSnapshot.SourceDBClusterSnapshotArn?.replace(/\d{12}/, "ACCOUNT") });
observations.push(await observe("copy: same region", () => copy({ SourceDBClusterSnapshotIdentifier: "snap-010", TargetDBClusterSnapshotIdentifier: "snap-010-copy" }), pick));
observations.push(await observe("copy: target exists (other case)", () => copy({ SourceDBClusterSnapshotIdentifier: "snap-010", TargetDBClusterSnapshotIdentifier: "SNAP-010-COPY" })));
observations.push(await observe("copy: unknown source", () => copy({ SourceDBClusterSnapshotIdentifier: "nope", TargetDBClusterSnapshotIdentifier: "nope-copy" })));
observations.push(await observe("copy: invalid target identifier", () => copy({ SourceDBClusterSnapshotIdentifier: "snap-011", TargetDBClusterSnapshotIdentifier: "bad--id" })));
observations.push(await observe("copy: key pending deletion", () => copy({ SourceDBClusterSnapshotIdentifier: "snap-012", TargetDBClusterSnapshotIdentifier: "snap-012-copy", KmsKeyId: dyingKeyId })));
observations.push(await observe("copy: unencrypted source with a key", () => copy({ SourceDBClusterSnapshotIdentifier: "snap-005", TargetDBClusterSnapshotIdentifier: "snap-005-copy", KmsKeyId: keyId })));
observations.push(await observe("copy: cross-region, SDK presigns", () => copy({ SourceDBClusterSnapshotIdentifier: `arn:aws:rds:us-west-2:${ACCOUNT}:cluster-snapshot:west-source`, TargetDBClusterSnapshotIdentifier: "west-copy", KmsKeyId: "alias/neptune" }), pick));
observations.push(await observe("copy: cross-region, no key", () => copy({ SourceDBClusterSnapshotIdentifier: `arn:aws:rds:us-west-2:${ACCOUNT}:cluster-snapshot:west-source`, TargetDBClusterSnapshotIdentifier: "west-copy-2" }), pick));
observations.push(
  await observe("copy: cross-region, URL presigned for the wrong region", () =>
    copy({ SourceDBClusterSnapshotIdentifier: `arn:aws:rds:us-west-2:${ACCOUNT}:cluster-snapshot:west-source`, TargetDBClusterSnapshotIdentifier: "west-copy-3", KmsKeyId: "alias/neptune", PreSignedUrl: "https://rds.us-east-1.amazonaws.com/?Action=CopyDBClusterSnapshot&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AK%2F20261125%2Fus-east-1%2Frds%2Faws4_request&X-Amz-Date=20261125T000000Z&X-Amz-Signature=00" }), pick),
);
observations.push(
  await observe("copy: progress when described", async () => {
    const seen = [];
    for (let i = 0; i < 3; i++) {
      const s = (await rds().send(new neptune.DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: "snap-010-copy" }))).DBClusterSnapshots[0];
      seen.push(`${s.Status}:${s.PercentProgress}`);
    }
    return seen;
  }),
);
for (const [name, result] of observations) console.log(`${name}\n  ${JSON.stringify(result)}`);
await emulator?.close();
