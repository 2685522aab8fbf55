// A parsed request file → request subjects: a request, an array of requests, or a copy plan.
import { describeSchemaErrors } from "../engine/schema-errors.js";
import { validateCopyPlan } from "../engine/validators.js";
import { REQUEST_MEMBERS } from "../model/request.js";
import type { ParsedDocument } from "./document.js";
import { InputError } from "./read.js";

const MARKERS = new Set([...REQUEST_MEMBERS.map((m) => m.toLowerCase()), "copies"]);
const PLAN_MEMBERS = ["region", "account", "copies"] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasMarker(value: unknown): boolean {
  return isRecord(value) && Object.keys(value).some((k) => MARKERS.has(k.toLowerCase()));
}

/**
 * Whether a walked file's document is one we lint: an object, or an array holding an object, with a
 * CopyDBClusterSnapshot member name or `copies` (compared without case). Other JSON/YAML is skipped.
 */
export function looksLikeRequests(value: unknown): boolean {
  return Array.isArray(value) ? value.some(hasMarker) : hasMarker(value);
}

/**
 * Cheap test on raw text before parsing a walked file: false only when no marker (a request member,
 * `copies`, or a Terraform resource type of ours) can be in it. Text
 * with escapes is always parsed, since `\u0043opies` decodes to a marker.
 */
const MARKER_TEXT = new RegExp(`${[...MARKERS, "aws_rds_cluster_snapshot_copy", "aws_neptune_cluster_snapshot"].join("|")}`, "i");
export function mayHoldRequests(text: string): boolean {
  return text.includes("\\") || MARKER_TEXT.test(text);
}

export interface RawSubject {
  index: number;
  pointer: string;
  value: unknown;
  duplicates: { pointer: string; key: string }[];
}

export interface FileSubjects {
  subjects: RawSubject[];
  /** The plan's destination, when the file is a copy plan. */
  plan?: { region: string; account?: string };
}

function within(pointer: string, base: string): boolean {
  return base === "" || pointer === base || pointer.startsWith(base + "/");
}

/** Split a document into request subjects. Throws InputError for a malformed plan or a scalar document. */
export function requestSubjects(doc: ParsedDocument): FileSubjects {
  const value = doc.value;
  let subjects: RawSubject[];
  let plan: FileSubjects["plan"];
  if (isRecord(value) && Object.keys(value).some((k) => k.toLowerCase() === "copies")) {
    if (!validateCopyPlan(value)) {
      const [first] = describeSchemaErrors(validateCopyPlan.errors ?? [], value, PLAN_MEMBERS);
      const at = first && doc.locate(first.pointer, first.target);
      throw new InputError(`copy plan: ${first?.message.replace(/^the document/, "the plan") ?? "invalid"}${first?.pointer ? ` (at ${first.pointer})` : ""}`, at?.line, at?.column);
    }
    const copies = value.copies as unknown[];
    subjects = copies.map((v, index) => ({ index, pointer: `/copies/${index}`, value: v, duplicates: [] }));
    plan = { region: value.region as string, ...(typeof value.account === "string" ? { account: value.account } : {}) };
  } else if (Array.isArray(value)) {
    subjects = value.map((v, index) => ({ index, pointer: `/${index}`, value: v, duplicates: [] }));
  } else if (isRecord(value)) {
    subjects = [{ index: 0, pointer: "", value, duplicates: [] }];
  } else {
    throw new InputError(`is not a request, an array of requests or a copy plan (the document is ${value === null ? "null" : typeof value})`, 1, 1);
  }

  for (const d of doc.duplicates) {
    const owner = subjects.find((s) => within(d.pointer, s.pointer)) ?? subjects[0];
    if (owner === undefined) {
      const at = doc.position(d.offset);
      throw new InputError(`the key ${JSON.stringify(d.key)} is repeated`, at.line, at.column);
    }
    owner.duplicates.push({ pointer: d.pointer, key: d.key });
  }
  return { subjects, plan };
}
