// `audit --inventory FILE`: the inventory's snapshots one at a time, and the facts they are judged
// by (its keys). A JSON inventory is streamed (src/facts/inventory-stream.ts): memory holds one
// snapshot, never the file. YAML, and anything the stream reader refuses, is read whole
// (readInventory), which also gives the exact message and place of whatever is wrong.
//
// What is wrong before the first snapshot is read throws, as when the file is read whole: the run
// reports nothing. What breaks later — a snapshot that is not valid JSON, repeats a key or is not
// an object — ends the snapshots with that input error: the results so far stand, and the run
// exits 2. When the stream reader refuses what the whole reader accepts, the run goes on from the
// same snapshot with the file read whole.
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { validateInventory } from "../engine/validators.js";
import { displayPath } from "../input/display-path.js";
import { InputError, syntaxOf } from "../input/read.js";
import type { InputProblem, Position } from "../model/types.js";
import { FactIndex } from "./index.js";
import { MAX_INVENTORY_BYTES, readInventory, readJsonInventory, withAliases, type Inventory } from "./inventory.js";
import { readInventoryHead, readInventoryStream, type InventoryHead, type StreamedSnapshot } from "./inventory-stream.js";

export interface InventorySnapshot {
  value: unknown;
  index: number;
  locate: (pointer: string, target?: "value" | "key") => Position | undefined;
}

export interface OpenInventory {
  /** As results name it (relative to the working directory). */
  file: string;
  absolute: string;
  /** The facts a snapshot is judged by: the inventory's keys (an audit looks up nothing else). */
  index: FactIndex;
  snapshots: Iterable<InventorySnapshot | { error: InputProblem }>;
}

/** `file:line:column: message`, as every command names a bad inventory. */
function named(file: string, error: unknown): unknown {
  if (!(error instanceof InputError)) return error;
  const where = [file, error.line, error.column].filter((x) => x !== undefined).join(":");
  return new InputError(`${where}: ${error.message}`);
}

function* whole(inventory: Inventory, from: number): Generator<InventorySnapshot> {
  for (let index = from; index < inventory.snapshots.length; index++) {
    yield { value: inventory.snapshots[index], index, locate: (pointer, target) => inventory.locate(index, pointer, target) };
  }
}

/** Only a JSON regular file within the size limit is streamed; the whole reader says what is wrong with any other. */
function streamable(absolute: string): boolean {
  if ((syntaxOf(absolute) ?? "json") !== "json") return false;
  try {
    const stats = statSync(absolute);
    return stats.isFile() && stats.size <= MAX_INVENTORY_BYTES;
  } catch {
    return false;
  }
}

/** The members beside the snapshots, valid as the schema has them (the snapshots are checked one by one: each must be an object). */
function validHead(head: InventoryHead): boolean {
  return validateInventory({ DBClusterSnapshots: [], Keys: head.keys, Aliases: head.aliases });
}

function isObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Open an inventory for an audit; throws InputError naming the file and place when it cannot be read. */
export async function openInventory(path: string, cwd: string): Promise<OpenInventory> {
  const absolute = resolve(cwd, path);
  const file = displayPath(cwd, absolute);
  const head = streamable(absolute) ? readInventoryHead(absolute) : undefined;
  if (head === undefined || !validHead(head)) {
    let inventory: Inventory;
    try {
      inventory = await readInventory(absolute);
    } catch (error) {
      throw named(file, error);
    }
    return { file, absolute, index: inventory.index, snapshots: whole(inventory, 0) };
  }
  const index = new FactIndex();
  for (const key of withAliases(head.keys, head.aliases)) index.addKey(key);
  const stream = readInventoryStream(absolute);
  // The first snapshot is read now: a file broken before it is refused before any report begins.
  let first: Next;
  try {
    first = next(stream, 0, absolute);
  } catch (error) {
    throw named(file, error);
  }
  return { file, absolute, index, snapshots: rest(first, stream, file, absolute) };
}

type Next = { snapshot: StreamedSnapshot } | { inventory: Inventory; from: number } | { done: true };

/** The stream's next snapshot, or — where the stream breaks or a snapshot is no object — the file read whole, which throws what is wrong. */
function next(stream: Iterator<StreamedSnapshot>, index: number, absolute: string): Next {
  try {
    const got = stream.next();
    if (got.done) return { done: true };
    if (isObject(got.value.value)) return { snapshot: got.value };
  } catch {
    // Whatever the stream reader says, the whole reader says exactly (or reads on where the stream could not).
  }
  return { inventory: readJsonInventory(absolute), from: index };
}

/** The snapshots from `first` on; an input error ends them. */
function* rest(first: Next, stream: Iterator<StreamedSnapshot>, file: string, absolute: string): Generator<InventorySnapshot | { error: InputProblem }> {
  let at = first;
  for (let index = 1; ; index++) {
    if ("done" in at) return;
    if ("inventory" in at) return yield* whole(at.inventory, at.from);
    yield at.snapshot;
    try {
      at = next(stream, index, absolute);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      yield { error: { file, message: error.message, ...(error.line !== undefined ? { line: error.line, column: error.column } : {}) } };
      return;
    }
  }
}
