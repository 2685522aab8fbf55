// A rule's fix (data: remove, replace or add at a pointer) → a text edit that keeps the rest of the
// file as it is. Rules know what to change; this knows how to change text.
import type { ParsedDocument } from "../input/document.js";
import { isWithin, pointerSegments } from "../model/pointer.js";
import type { FixOp, Subject } from "../model/types.js";
import { addMember, removeEntry, replaceValue, valueText, type Edit, type Syntax } from "./edits.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The object at a pointer relative to the subject's value, if it is one. */
function objectAt(value: unknown, relative: string): Record<string, unknown> | undefined {
  let here = value;
  for (const segment of pointerSegments(relative) ?? []) {
    if (Array.isArray(here)) here = here[Number(segment)];
    else if (isRecord(here)) here = here[segment];
    else return undefined;
  }
  return isRecord(here) ? here : undefined;
}

/** The text edit for one fix, or undefined when it cannot be made safely. */
export function editFor(text: string, doc: ParsedDocument, syntax: Syntax, subject: Subject, fix: FixOp): Edit | undefined {
  const target = subject.pointer + fix.pointer;
  // A repeated member is ambiguous (duplicate-key asks a person to choose): fixes leave it alone.
  if ((subject.duplicates ?? []).some((d) => isWithin(d.pointer, target) || isWithin(target, d.pointer))) return undefined;
  if (fix.op === "add") {
    const cut = fix.pointer.lastIndexOf("/");
    const parent = fix.pointer.slice(0, cut);
    const object = objectAt(subject.value, parent);
    const name = pointerSegments(fix.pointer.slice(cut))?.[0];
    if (object === undefined || name === undefined || name in object) return undefined;
    return addMember(text, doc, subject.pointer + parent, object, name, fix.value, syntax);
  }
  const span = doc.span(target);
  if (span === undefined) return undefined;
  return fix.op === "remove" ? removeEntry(text, span, syntax) : replaceValue(span, valueText(fix.value, syntax));
}
