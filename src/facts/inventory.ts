// An inventory file (SPEC §2): `{ DBClusterSnapshots: [...], Keys?: [...] }`, the output of
// describe-db-cluster-snapshots with TagList and DBClusterSnapshotAttributes, plus DescribeKey
// metadata. Read whole here: the facts of `lint --inventory` (every snapshot, by ARN and id), and the
// subjects of `audit` for YAML and for what the streaming reader (inventory-open.ts) hands back.
//
// Inventories are large machine output, so JSON ones take a fast path: JSON.parse builds the value,
// one flat scan finds where each snapshot starts and counts members (more members in the text than
// in the value means a repeated key), and positions inside a snapshot are found only for findings.
// Anything wrong sends the file through the strict parser, which says exactly what and where.
import { resolve } from "node:path";
import { displayPath } from "../input/display-path.js";
import { describeSchemaErrors } from "../engine/schema-errors.js";
import { validateInventory } from "../engine/validators.js";
import type { ParsedDocument } from "../input/document.js";
import { findOffset, parseJson } from "../input/json.js";
import { countMembers, positionFrom, scanTopLevelArray } from "../input/json-scan.js";
import { InputError, MAX_TEXT_BYTES, parseJsonText, parseText, readText, syntaxOf } from "../input/read.js";
import { snapshotArnOf } from "../model/arn.js";
import type { KeyMetadata, Position, Snapshot } from "../model/types.js";
import { FactIndex } from "./index.js";

/**
 * Inventories are exports of whole accounts: allow far more than a request file, up to the longest
 * text the process can hold (536,870,888 bytes on 64-bit Node.js, just under 512 MiB).
 */
export const MAX_INVENTORY_BYTES = Math.min(512 * 1024 * 1024, MAX_TEXT_BYTES);

export interface Inventory {
  snapshots: unknown[];
  index: FactIndex;
  /** Where the value at `pointer` (relative to snapshot `index`) is in the file. */
  locate(index: number, pointer: string, target?: "value" | "key"): Position | undefined;
}

const MEMBERS = ["DBClusterSnapshots", "Keys", "Aliases", "Marker"] as const;
const ARRAY = "DBClusterSnapshots";

function firstDuplicate(doc: ParsedDocument): never | void {
  const first = doc.duplicates[0];
  if (first === undefined) return;
  const at = doc.position(first.offset);
  throw new InputError(`inventory: the key ${JSON.stringify(first.key)} is repeated (at ${first.pointer})`, at.line, at.column);
}

function checkDuplicates(doc: ParsedDocument): ParsedDocument {
  firstDuplicate(doc);
  return doc;
}

/** JSON.parse, and the scan that gives positions; undefined when the strict parser must look. */
function fast(text: string): { value: unknown; locate: Inventory["locate"] } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const scan = scanTopLevelArray(text, ARRAY);
  if (scan.members !== countMembers(value)) return undefined;
  const locate: Inventory["locate"] = (index, pointer, target) => {
    const start = scan.elements[index];
    if (start === undefined) return undefined;
    const offset = findOffset(text, pointer, target, start.offset);
    return offset === undefined ? undefined : positionFrom(text, start, offset);
  };
  return { value, locate };
}

/** Read and check an inventory; throws InputError (the file is named by the caller). */
export async function readInventory(path: string): Promise<Inventory> {
  if ((syntaxOf(path) ?? "json") === "json") return readJsonInventory(path);
  const text = readText(path, MAX_INVENTORY_BYTES);
  const doc = checkDuplicates(await parseText(text, "yaml"));
  return checked(doc.value, (index, pointer, target) => doc.locate(`/${ARRAY}/${index}${pointer}`, target), () => doc);
}

/** readInventory of a JSON file, synchronously (the streamed audit falls back on it mid-run). */
export function readJsonInventory(path: string): Inventory {
  const text = readText(path, MAX_INVENTORY_BYTES);
  const quick = fast(text);
  if (quick) return checked(quick.value, quick.locate, () => parseJson(text));
  const doc = checkDuplicates(parseJsonText(text));
  return checked(doc.value, (index, pointer, target) => doc.locate(`/${ARRAY}/${index}${pointer}`, target), () => doc);
}

/** The inventory, if valid against its schema; `doc` gives positions for the message when it is not. */
function checked(value: unknown, locate: Inventory["locate"], doc: () => ParsedDocument): Inventory {
  if (!validateInventory(value)) {
    const [problem] = describeSchemaErrors(validateInventory.errors ?? [], value, MEMBERS);
    const at = problem && doc().locate(problem.pointer, problem.target);
    const message = problem?.message.replace(/^the document/, "the inventory") ?? "invalid";
    throw new InputError(`inventory: ${message}${problem?.pointer ? ` (at ${problem.pointer})` : ""}`, at?.line, at?.column);
  }
  const { DBClusterSnapshots: snapshots, Keys: keys = [], Aliases: aliases = [] } = value as { DBClusterSnapshots: Snapshot[]; Keys?: KeyMetadata[]; Aliases?: InventoryAlias[] };
  const index = new FactIndex();
  for (const snapshot of snapshots) {
    index.addSnapshot(snapshot);
    const arn = snapshotArnOf(snapshot);
    if (arn !== undefined) index.markRegionComplete(arn.region);
  }
  for (const key of withAliases(keys, aliases)) index.addKey(key);
  return { snapshots, index, locate };
}

/** Read --inventory, naming the file (relative to `cwd`) and the place in any error. */
export async function loadInventory(path: string, cwd: string): Promise<{ inventory: Inventory; file: string; absolute: string }> {
  const absolute = resolve(cwd, path);
  const file = displayPath(cwd, absolute);
  try {
    return { inventory: await readInventory(absolute), file, absolute };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const where = [file, error.line, error.column].filter((x) => x !== undefined).join(":");
    throw new InputError(`${where}: ${error.message}`);
  }
}

/** A ListAliases entry, as `export` writes it under `Aliases`. */
export interface InventoryAlias {
  AliasName: string;
  AliasArn: string;
  TargetKeyId?: string;
}

/**
 * Each key with the alias names that point at it (an alias belongs to the key of its own region and
 * account, as in the alias ARN), so that a request naming `alias/…` finds its key offline too.
 * The inventory's own objects are left as they are.
 */
export function withAliases(keys: readonly KeyMetadata[], aliases: readonly InventoryAlias[]): KeyMetadata[] {
  if (aliases.length === 0) return [...keys];
  const byKey = new Map<string, string[]>();
  for (const alias of aliases) {
    const [, , , region, account] = alias.AliasArn.split(":");
    if (alias.TargetKeyId === undefined) continue;
    const at = `${region}:${account}:${alias.TargetKeyId.toLowerCase()}`;
    byKey.set(at, [...(byKey.get(at) ?? []), alias.AliasName]);
  }
  return keys.map((key) => {
    const [, , , region, account, resource] = String(key.Arn ?? "").split(":");
    const names = byKey.get(`${region}:${account}:${String(key.KeyId ?? resource?.replace(/^key\//, "") ?? "").toLowerCase()}`);
    if (names === undefined) return key;
    return { ...key, Aliases: [...new Set([...(key.Aliases ?? []), ...names])] };
  });
}
