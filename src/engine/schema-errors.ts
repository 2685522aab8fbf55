// JSON Schema errors (ajv's) as short, specific sentences with the pointer they are about.
import { escapeSegment } from "../model/pointer.js";
import type { SchemaError } from "./validators.js";

export interface DescribedError {
  /** Pointer of the offending value, or of the unknown member. */
  pointer: string;
  message: string;
  /** Locate the member name rather than its value (unknown members). */
  target?: "key";
  keyword: string;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return "a string";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a number";
  return `a ${typeof value}`;
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function label(pointer: string): string {
  return pointer === "" ? "the document" : pointer;
}

/** Closest known member differing only in case, for "did you mean". */
function suggestion(name: string, known: readonly string[]): string {
  const same = known.find((k) => k.toLowerCase() === name.toLowerCase());
  return same ? ` (did you mean ${same}?)` : "";
}

export function describeSchemaErrors(errors: readonly SchemaError[], data: unknown, known: readonly string[] = []): DescribedError[] {
  const out: DescribedError[] = [];
  for (const e of errors) {
    const at = e.instancePath;
    const value = valueAt(data, at);
    switch (e.keyword) {
      case "required":
        out.push({ pointer: at, keyword: e.keyword, message: `${label(at)} is missing the required member ${String(e.params.missingProperty)}` });
        break;
      case "additionalProperties": {
        const name = String(e.params.additionalProperty);
        out.push({ pointer: `${at}/${escapeSegment(name)}`, target: "key", keyword: e.keyword, message: `unknown member ${name}${suggestion(name, known)}` });
        break;
      }
      case "type": {
        const hint = typeof value === "number" && /^\d{12}$/.test(String(value)) ? ` (quote the account id: "${String(value)}")` : "";
        out.push({ pointer: at, keyword: e.keyword, message: `${label(at)} must be ${String(e.params.type).replace(/^(\w)/, (c) => (/[aeiou]/.test(c) ? "an " : "a ") + c)}, not ${typeName(value)}${hint}` });
        break;
      }
      case "enum":
        out.push({ pointer: at, keyword: e.keyword, message: `${label(at)} must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}` });
        break;
      case "const":
        out.push({ pointer: at, keyword: e.keyword, message: `${label(at)} must be ${JSON.stringify(e.params.allowedValue)}` });
        break;
      case "pattern":
        out.push({ pointer: at, keyword: e.keyword, message: `${label(at)} ${JSON.stringify(value)} does not match ${String(e.params.pattern)}` });
        break;
      case "oneOf":
      case "anyOf":
        // The branches' own errors say more; keep this only when nothing more specific was said here.
        if (!errors.some((other) => other !== e && other.instancePath.startsWith(at) && other.keyword !== e.keyword)) {
          out.push({ pointer: at, keyword: e.keyword, message: `${label(at)} is not valid here` });
        }
        break;
      default:
        out.push({ pointer: at, keyword: e.keyword, message: `${label(at)} ${e.message ?? "is not valid"}` });
    }
  }
  // ajv can say the same thing twice (e.g. once per oneOf branch): keep one of each.
  const seen = new Set<string>();
  return out.filter((d) => {
    const key = `${d.pointer}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
