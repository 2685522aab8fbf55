import { NO_OPTIONS, defineRule } from "../src/engine/rule.js";
import type { SnapshotView } from "../src/model/view.js";

/** The `restore` value that makes a manual snapshot public. */
export const PUBLIC_VALUE = "all";

/**
 * Snapshot types whose share attributes need not be known: automated snapshots cannot be shared, and
 * `shared` / `public` ones belong to another account, whose business their attributes are.
 */
const NO_ATTRIBUTES_NEEDED = new Set(["automated", "shared", "public"]);

/** Every string in the snapshot's `restore` attributes, with its pointer. */
export function restoreValues(view: SnapshotView): { value: string; pointer: string }[] {
  const found: { value: string; pointer: string }[] = [];
  const attributes: unknown = view.snapshot.DBClusterSnapshotAttributes;
  if (!Array.isArray(attributes)) return found;
  attributes.forEach((attribute: unknown, i) => {
    if (typeof attribute !== "object" || attribute === null) return;
    const { AttributeName, AttributeValues } = attribute as { AttributeName?: unknown; AttributeValues?: unknown };
    if (AttributeName !== "restore" || !Array.isArray(AttributeValues)) return;
    AttributeValues.forEach((value: unknown, j) => {
      if (typeof value === "string") found.push({ value, pointer: `/DBClusterSnapshotAttributes/${i}/AttributeValues/${j}` });
    });
  });
  return found;
}

/** True when the snapshot's share attributes were not gathered and its type means they matter. */
export function attributesMissing(view: SnapshotView): boolean {
  if (view.restoreAccounts !== undefined) return false;
  const type = view.snapshot.SnapshotType;
  return !(typeof type === "string" && NO_ATTRIBUTES_NEEDED.has(type));
}

/** The snapshot's identifier for messages. */
export function snapshotName(view: SnapshotView): string {
  const id = view.snapshot.DBClusterSnapshotIdentifier;
  return typeof id === "string" ? id : (view.arn?.id ?? "SNAPSHOT");
}

export default defineRule({
  id: "snapshot-public",
  summary: "A DB cluster snapshot must not be public",
  description: [
    "A manual DB cluster snapshot whose `restore` attribute holds the value `all` is public: any AWS account can",
    "copy it and restore a cluster with its data (ModifyDBClusterSnapshotAttribute, `ValuesToAdd: [all]`).",
    "This rule reports that value, at `/DBClusterSnapshotAttributes/i/AttributeValues/j`, once per snapshot.",
    "",
    "The share attributes come from describe-db-cluster-snapshot-attributes: `DBClusterSnapshotAttributes` in",
    "the inventory (`export` writes it) or `--live`. When they were not gathered, a manual snapshot (or one of",
    "an unknown or missing type) gets the *unverified* warning. Automated snapshots cannot be shared, and",
    "snapshots of type `shared` or `public` belong to another account, so those pass without attributes.",
    "",
    "Sharing with named accounts is `snapshot-shared`'s business.",
  ].join("\n"),
  subjects: ["snapshot"],
  recommended: "error",
  category: "sharing",
  needs: ["shareAttributes"],
  options: NO_OPTIONS,
  messages: {
    public:
      "The snapshot is public: its restore attribute includes \"all\", so any AWS account can copy it or restore its data. " +
      "Remove it: aws neptune modify-db-cluster-snapshot-attribute --db-cluster-snapshot-identifier {{id}} " +
      "--attribute-name restore --values-to-remove all",
  },
  docs: [
    {
      title: "Neptune API: ModifyDBClusterSnapshotAttribute",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_ModifyDBClusterSnapshotAttribute.html",
    },
  ],
  check(context) {
    const { snapshot } = context;
    if (snapshot === undefined || !snapshot.isObject) return;
    if (attributesMissing(snapshot)) {
      context.unverified("shareAttributes", "whether the snapshot is public");
      return;
    }
    const found = restoreValues(snapshot).find((v) => v.value === PUBLIC_VALUE);
    if (found !== undefined) context.report({ pointer: found.pointer, messageId: "public", data: { id: snapshotName(snapshot) } });
  },
});
