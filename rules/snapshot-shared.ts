import { defineRule } from "../src/engine/rule.js";
import { PUBLIC_VALUE, attributesMissing, restoreValues, snapshotName } from "./snapshot-public.js";

export interface SnapshotSharedOptions {
  accounts: string[];
}

export default defineRule<SnapshotSharedOptions>({
  id: "snapshot-shared",
  summary: "A DB cluster snapshot may be shared only with the allowed accounts",
  description: [
    "A manual DB cluster snapshot is shared with another AWS account by naming the account in its `restore`",
    "attribute (ModifyDBClusterSnapshotAttribute); that account can then copy it and restore its data. This",
    "rule reports every account in `restore` that is not in the option `accounts` (by default none, so any",
    "sharing is reported), at `/DBClusterSnapshotAttributes/i/AttributeValues/j`, once per account.",
    "",
    "The value `all` (a public snapshot) is `snapshot-public`'s business and is not reported here.",
    "",
    "The share attributes come from describe-db-cluster-snapshot-attributes: `DBClusterSnapshotAttributes` in",
    "the inventory (`export` writes it) or `--live`. When they were not gathered, a manual snapshot (or one of",
    "an unknown or missing type) gets the *unverified* warning. Automated snapshots cannot be shared, and",
    "snapshots of type `shared` or `public` belong to another account, so those pass without attributes.",
  ].join("\n"),
  subjects: ["snapshot"],
  recommended: "off",
  configExample: '[error, { accounts: ["444455556666"] }]',
  category: "sharing",
  needs: ["shareAttributes"],
  options: {
    type: "object",
    properties: {
      accounts: {
        type: "array",
        items: { type: "string", pattern: "^[0-9]{12}$" },
        uniqueItems: true,
        description: "AWS account ids (12 digits) snapshots may be shared with",
      },
    },
    additionalProperties: false,
  },
  defaults: { accounts: [] },
  messages: {
    shared:
      "The snapshot is shared with account {{account}}, which the policy does not allow: stop sharing it " +
      "(aws neptune modify-db-cluster-snapshot-attribute --db-cluster-snapshot-identifier {{id}} --attribute-name " +
      "restore --values-to-remove {{account}}), or add the account to the option accounts.",
  },
  docs: [
    {
      title: "Neptune API: ModifyDBClusterSnapshotAttribute",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_ModifyDBClusterSnapshotAttribute.html",
    },
  ],
  check(context) {
    const { snapshot, options } = context;
    if (snapshot === undefined || !snapshot.isObject) return;
    if (attributesMissing(snapshot)) {
      context.unverified("shareAttributes", "the accounts the snapshot is shared with");
      return;
    }
    const allowed = new Set(options.accounts ?? []);
    const said = new Set<string>();
    for (const { value, pointer } of restoreValues(snapshot)) {
      if (value === PUBLIC_VALUE || allowed.has(value) || said.has(value)) continue;
      said.add(value);
      context.report({ pointer, messageId: "shared", data: { account: value, id: snapshotName(snapshot) } });
    }
  },
});
