// Terraform plans as real Terraform (1.11.4, hashicorp/aws 5.100.0) writes them: the committed
// fixtures/terraform/<case>/plan.json files, made by scripts/terraform-fixtures.sh against moto.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { isTerraformPlan, terraformSubjects, type TerraformSubject } from "../../src/input/terraform.js";
import { KNOWN_AFTER_APPLY } from "../../src/model/types.js";

const ROOT = resolve(__dirname, "../..");
type Plan = Record<string, unknown>;
const plan = (name: string): Plan => JSON.parse(readFileSync(join(ROOT, "fixtures/terraform", name, "plan.json"), "utf8")) as Plan;

/** What a subject says of itself, by address and kind. */
function summary(subjects: TerraformSubject[]) {
  return subjects.map((s) => ({
    address: s.address,
    kind: s.kind,
    region: s.region ?? null,
    ...(s.regionProblem ? { regionProblem: expect.any(String) } : {}),
    unknown: s.unknown,
    ...(s.changed ? { changed: s.changed } : {}),
    ...(s.replacesExisting ? { replacesExisting: true } : {}),
  }));
}

describe("regions of real plans", () => {
  it("reads count, for_each and module addresses, aliases, passed providers, variables, and not destination_region", () => {
    const subjects = terraformSubjects(plan("regions"));
    expect(subjects.map((s) => [s.address, s.region ?? null])).toEqual([
      ["aws_rds_cluster_snapshot_copy.counted[0]", "us-west-2"],
      ["aws_rds_cluster_snapshot_copy.counted[1]", "us-west-2"],
      // destination_region = "us-west-2", but the provider (us-east-1) makes the copy.
      ["aws_rds_cluster_snapshot_copy.destination", "us-east-1"],
      ['aws_rds_cluster_snapshot_copy.each["graph"]', "eu-central-1"],
      ['aws_rds_cluster_snapshot_copy.each["search"]', "eu-central-1"],
      ["aws_rds_cluster_snapshot_copy.local", null],
      // region = var.dr_region, given as -var dr_region=ap-southeast-2 (the default is us-east-2)
      ["aws_rds_cluster_snapshot_copy.variable", "ap-southeast-2"],
      // providers = { aws = aws.west }
      ['module.dr.aws_rds_cluster_snapshot_copy.this["graph"]', "us-west-2"],
      ['module.dr.aws_rds_cluster_snapshot_copy.this["search"]', "us-west-2"],
      // the module's own provider block, region = var.region, given var.home_region
      ["module.home.aws_rds_cluster_snapshot_copy.this", "eu-north-1"],
    ]);
    const local = subjects.find((s) => s.address.endsWith(".local"))!;
    expect(local.regionProblem).toBe(
      "provider configuration aws.eu takes its region from local.eu_region, whose value the plan does not record",
    );
    expect(subjects.filter((s) => s.regionProblem !== undefined)).toHaveLength(1);
    for (const s of subjects) expect(s.inexpressible).toEqual(["SourceRegion"]);
  });

  it("honours a resource's own region argument (provider 6.x) over its provider's", () => {
    const p = plan("regions");
    const changes = structuredClone(p.resource_changes) as { change: { after: Record<string, unknown>; after_unknown: Record<string, unknown> } }[];
    changes[0]!.change.after.region = "ca-central-1";
    changes[1]!.change.after_unknown.region = true;
    const [first, second] = terraformSubjects({ ...p, resource_changes: changes });
    expect(first!.region).toBe("ca-central-1");
    expect(second!.region).toBeUndefined();
    expect(second!.regionProblem).toBe("its region argument is known only after apply");
  });

  it("says why when the provider sets no region, a module is not given its variable, or the value is no region", () => {
    const p = plan("regions");
    const configuration = structuredClone(p.configuration) as Record<string, any>; // any: deep plan JSON, edited in place to make a variant
    delete configuration.provider_config["aws.west"].expressions.region;
    configuration.provider_config["aws.central"].expressions.region = { constant_value: "mars-north-1" };
    delete configuration.root_module.module_calls.home.expressions.region;
    const byAddress = new Map(terraformSubjects({ ...p, configuration }).map((s) => [s.address, s]));
    expect(byAddress.get("aws_rds_cluster_snapshot_copy.counted[0]")!.regionProblem).toBe(
      "provider configuration aws.west sets no region (Terraform takes it from AWS_REGION, AWS_DEFAULT_REGION or the profile where it runs)",
    );
    expect(byAddress.get('aws_rds_cluster_snapshot_copy.each["graph"]')!.regionProblem).toMatch(/sets region "mars-north-1", which is not a known AWS region/);
    expect(byAddress.get("module.home.aws_rds_cluster_snapshot_copy.this")!.regionProblem).toBe(
      "provider configuration module.home:aws takes its region from var.region, which module.home is not given (a module variable's default is not in the plan)",
    );
    expect(terraformSubjects({ ...p, configuration: undefined })[0]!.regionProblem).toBe("the plan does not say which provider configuration it uses");
  });
});

describe("tags of real plans", () => {
  it("judges tags_all: default_tags merged, each tag located where it is set", () => {
    const [many, unknown] = terraformSubjects(plan("tags"));
    expect(many!.address).toBe("aws_rds_cluster_snapshot_copy.many");
    const tags = many!.value.Tags as { Key: string; Value: unknown }[];
    expect(tags).toHaveLength(52);
    const at = (key: string) => many!.mapPointer(`/Tags/${tags.findIndex((t) => t.Key === key)}/Key`);
    expect(at("aws:owner")).toBe("/resource_changes/1/change/after/tags/aws:owner");
    expect(at("CostCenter")).toBe("/configuration/provider_config/aws/expressions/default_tags/0/tags/constant_value/CostCenter");
    expect(many!.mapPointer("/Tags")).toBe("/resource_changes/1/change/after/tags_all");
    expect(unknown!.address).toBe("aws_rds_cluster_snapshot_copy.unknown");
  });

  it("keeps values known only after apply present, and says where they are", () => {
    const s = terraformSubjects(plan("tags"))[1]!;
    expect(s.value.KmsKeyId).toBe(KNOWN_AFTER_APPLY);
    const tags = s.value.Tags as { Key: string; Value: unknown }[];
    // tags_all is unknown as a whole: the merge of default_tags (31) and the resource's two tags.
    expect(tags).toHaveLength(33);
    const i = tags.findIndex((t) => t.Key === "KeyRef");
    expect(tags[i]!.Value).toBe(KNOWN_AFTER_APPLY);
    expect(s.unknown).toEqual(["/KmsKeyId", `/Tags/${i}/Value`]);
    expect(s.mapPointer(`/Tags/${i}/Value`)).toBe("/resource_changes/2/change/after/tags/KeyRef");
    expect(s.mapPointer("/KmsKeyId")).toBe("/resource_changes/2/change/after/kms_key_id");
  });

  it("makes the whole Tags unknown when the provider's default_tags are not constants", () => {
    const p = plan("tags");
    const configuration = structuredClone(p.configuration) as Record<string, any>; // any: deep plan JSON, edited in place to make a variant
    configuration.provider_config.aws.expressions.default_tags = [{ tags: { references: ["local.tags"] } }];
    const s = terraformSubjects({ ...p, configuration })[1]!;
    expect(s.value.Tags).toBe(KNOWN_AFTER_APPLY);
    expect(s.unknown).toEqual(["/KmsKeyId", "/Tags"]);
  });
});

describe("lifecycle of real plans", () => {
  it("update in place: only what changes", () => {
    expect(summary(terraformSubjects(plan("update")))).toEqual([
      { address: "aws_rds_cluster_snapshot_copy.tagged", kind: "request", region: "us-east-1", unknown: [], changed: ["/Tags"] },
      // shared_accounts goes from none to ["all"]: the share is judged on the snapshot the copy is.
      { address: "aws_rds_cluster_snapshot_copy.tagged", kind: "snapshot", region: "us-east-1", unknown: [], changed: ["/DBClusterSnapshotAttributes"] },
    ]);
  });

  it("a tag whose value changes is the only change; keys that come or go change the list", () => {
    const p = plan("update");
    const changes = structuredClone(p.resource_changes) as { change: { before: Record<string, unknown>; after: Record<string, unknown> } }[];
    const copy = changes[1]!.change;
    copy.before.tags_all = { CostCenter: "cc-0001", Owner: "graph-team" };
    copy.before.shared_accounts = ["all"];
    const [request, share] = terraformSubjects({ ...p, resource_changes: changes });
    expect(request!.changed).toEqual(["/Tags/0"]);
    expect(share).toBeUndefined();
  });

  it("replace: delete first frees the target id, create first does not", () => {
    expect(summary(terraformSubjects(plan("replace")))).toEqual([
      { address: "aws_rds_cluster_snapshot_copy.create_first", kind: "request", region: "us-east-1", unknown: [] },
      { address: "aws_rds_cluster_snapshot_copy.delete_first", kind: "request", region: "us-east-1", unknown: [], replacesExisting: true },
    ]);
  });

  it("a delete-first replacement under a new target id deletes another snapshot", () => {
    const p = plan("replace");
    const changes = structuredClone(p.resource_changes) as { change: { before: Record<string, unknown> } }[];
    changes[2]!.change.before.target_db_cluster_snapshot_identifier = "graph-prod-old";
    expect(terraformSubjects({ ...p, resource_changes: changes })[1]!.replacesExisting).toBeUndefined();
  });

  it("import with changes is an update of what it changes", () => {
    const p = plan("import");
    expect(((p.resource_changes as { change: Record<string, unknown> }[])[0]!.change.importing as Record<string, unknown>).id).toBe("graph-prod-imported");
    expect(summary(terraformSubjects(p))).toEqual([{ address: "aws_rds_cluster_snapshot_copy.imported", kind: "request", region: "us-east-1", unknown: [], changed: ["/Tags"] }]);
  });

  it("delete, forget, no-op, -destroy: nothing to check", () => {
    const actions = (p: Plan) => (p.resource_changes as { change: { actions: string[] } }[]).map((c) => c.change.actions.join(","));
    expect(actions(plan("delete-forget"))).toEqual(["no-op", "delete", "forget", "no-op"]);
    expect(terraformSubjects(plan("delete-forget"))).toEqual([]);
    expect(actions(plan("destroy"))).toEqual(["delete", "delete"]);
    expect(terraformSubjects(plan("destroy"))).toEqual([]);
  });

  it("-refresh-only and empty configurations are plans without resource_changes", () => {
    for (const name of ["refresh-only", "empty"]) {
      const p = plan(name);
      expect(p.resource_changes).toBeUndefined();
      expect(isTerraformPlan(p)).toBe(true);
      expect(terraformSubjects(p)).toEqual([]);
    }
    expect(isTerraformPlan({ format_version: "1.0", values: {} })).toBe(false);
  });
});

describe("shares, data sources and Neptune snapshots of real plans", () => {
  it("shared_accounts becomes the restore attribute of the snapshot the copy will be", () => {
    const subjects = terraformSubjects(plan("shared"));
    expect(subjects.map((s) => [s.kind, s.address])).toEqual([
      ["request", "aws_rds_cluster_snapshot_copy.accounts"],
      ["snapshot", "aws_rds_cluster_snapshot_copy.accounts"],
      ["request", "aws_rds_cluster_snapshot_copy.public"],
      ["snapshot", "aws_rds_cluster_snapshot_copy.public"],
    ]);
    expect(subjects[3]!.value).toEqual({
      SnapshotType: "manual",
      DBClusterSnapshotIdentifier: "graph-prod-public",
      DBClusterSnapshotAttributes: [{ AttributeName: "restore", AttributeValues: ["all"] }],
    });
    expect(subjects[3]!.mapPointer("/DBClusterSnapshotAttributes/0/AttributeValues/0")).toBe("/resource_changes/1/change/after/shared_accounts/0");
    // The source read from a data source while planning is known.
    expect(subjects[0]!.value.SourceDBClusterSnapshotIdentifier).toBe("graph-prod-2026-11-30");
    expect(subjects[2]!.value.SourceDBClusterSnapshotIdentifier).toBe("arn:aws:rds:us-east-1:123456789012:cluster-snapshot:graph-prod-2026-11-30");
  });

  it("a Neptune snapshot takes its encryption from the cluster the plan creates, found by reference", () => {
    const [nightly, secure] = terraformSubjects(plan("neptune-snapshot"));
    expect(nightly!.value).toMatchObject({ DBClusterSnapshotIdentifier: "graph-nightly-2026-12-01", StorageEncrypted: false });
    expect(nightly!.mapPointer("/StorageEncrypted")).toBe("/resource_changes/0/change/after/storage_encrypted");
    expect(secure!.value).toMatchObject({ StorageEncrypted: true, KmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" });
    expect(secure!.mapPointer("/KmsKeyId")).toBe("/resource_changes/1/change/after/kms_key_arn");
  });
});

/** Terraform and moto_server on the PATH, and the provider as a local plugin dir. */
function toolsPresent(): boolean {
  const has = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
  return has("terraform") && has("moto_server") && spawnSync("test", ["-d", process.env.TF_PLUGIN_DIR ?? "/opt/tf-plugins"]).status === 0;
}

describe("regenerating a fixture with real Terraform", () => {
  const present = toolsPresent();
  if (!present) console.warn("SKIPPED: terraform, moto_server or the provider plugin dir is missing: the committed plan.json files were not regenerated.");
  it.skipIf(!present)(
    "gives a plan that reads the same as the committed one",
    () => {
      const copy = mkdtempSync(join(tmpdir(), "nsp-tf-"));
      try {
        cpSync(join(ROOT, "scripts"), join(copy, "scripts"), { recursive: true });
        cpSync(join(ROOT, "fixtures/terraform/shared"), join(copy, "fixtures/terraform/shared"), { recursive: true });
        execFileSync("bash", [join(copy, "scripts/terraform-fixtures.sh"), "shared"], { stdio: "pipe" });
        const fresh = JSON.parse(readFileSync(join(copy, "fixtures/terraform/shared/plan.json"), "utf8")) as Plan;
        const strip = (subjects: TerraformSubject[]) => subjects.map(({ mapPointer: _, ...rest }) => rest);
        expect(strip(terraformSubjects(fresh))).toEqual(strip(terraformSubjects(plan("shared"))));
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    },
    240_000,
  );
});
