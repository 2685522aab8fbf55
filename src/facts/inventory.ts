// An inventory file (SPEC §2): `{ DBClusterSnapshots: [...], Keys?: [...] }`, the output of
// describe-db-cluster-snapshots with TagList and DBClusterSnapshotAttributes, plus DescribeKey
// metadata. Read once; it is both the subjects of `audit` and the facts of `lint --inventory`.
import { describeSchemaErrors } from "../engine/schema-errors.js";
import { validateInventory } from "../engine/validators.js";
import type { Locator, ParsedDocument } from "../input/document.js";
import { InputError, parseText, readText, syntaxOf } from "../input/read.js";
import { parseClusterSnapshotArn } from "../model/arn.js";
import type { KeyMetadata, Snapshot } from "../model/types.js";
import { FactIndex } from "./index.js";

/** Inventories are exports of whole accounts: allow far more than a request file, below V8's string limit. */
export const MAX_INVENTORY_BYTES = 512 * 1024 * 1024;

export interface Inventory {
  doc: ParsedDocument;
  snapshots: unknown[];
  index: FactIndex;
  /** Locators relative to each snapshot, when the document can build them in one scan. */
  locators?: Locator[];
}

const MEMBERS = ["DBClusterSnapshots", "Keys", "Marker"] as const;

/** Read and check an inventory; throws InputError (the file is named by the caller). */
export async function readInventory(path: string): Promise<Inventory> {
  const text = readText(path, MAX_INVENTORY_BYTES);
  const doc = await parseText(text, syntaxOf(path) ?? "json");
  const first = doc.duplicates[0];
  if (first !== undefined) {
    const at = doc.position(first.offset);
    throw new InputError(`inventory: the key ${JSON.stringify(first.key)} is repeated (at ${first.pointer})`, at.line, at.column);
  }
  const value = doc.value;
  if (!validateInventory(value)) {
    const [problem] = describeSchemaErrors(validateInventory.errors ?? [], value, MEMBERS);
    const at = problem && doc.locate(problem.pointer, problem.target);
    const text = problem?.message.replace(/^the document/, "the inventory") ?? "invalid";
    throw new InputError(`inventory: ${text}${problem?.pointer ? ` (at ${problem.pointer})` : ""}`, at?.line, at?.column);
  }
  const { DBClusterSnapshots: snapshots, Keys: keys = [] } = value as { DBClusterSnapshots: Snapshot[]; Keys?: KeyMetadata[] };
  const index = new FactIndex();
  for (const snapshot of snapshots) {
    index.addSnapshot(snapshot);
    const arn = typeof snapshot.DBClusterSnapshotArn === "string" ? parseClusterSnapshotArn(snapshot.DBClusterSnapshotArn) : undefined;
    if (arn !== undefined) index.markRegionComplete(arn.region);
  }
  for (const key of keys) index.addKey(key);
  return { doc, snapshots, index, locators: doc.elementLocators?.("/DBClusterSnapshots") };
}
