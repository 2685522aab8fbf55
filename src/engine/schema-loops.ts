// A custom rule's schema whose `$ref` leads back to where it started without stepping into a member
// or an element (`{"allOf": [{"$ref": "#"}]}`) would make every validation recurse until the stack
// overflows. Found here, before ajv compiles it, so the config is refused with the place named.

type Node = Record<string, unknown>;

/** Keywords whose subschemas apply to the same value (no step into a member or element). */
const SAME_VALUE_LISTS = ["allOf", "anyOf", "oneOf"];
const SAME_VALUE_ONE = ["not", "if", "then", "else"];
const SAME_VALUE_MAPS = ["dependentSchemas"];

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function unescape(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~");
}

/** The node at a local `$ref` (`#`, `#/definitions/x`), with its pointer; undefined for others. */
function target(root: Node, ref: string): { node: unknown; pointer: string } | undefined {
  if (!ref.startsWith("#") || (ref.length > 1 && !ref.startsWith("#/"))) return undefined;
  let node: unknown = root;
  for (const segment of ref.slice(2).split("/").filter((s, i, all) => !(s === "" && all.length === 1))) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[unescape(segment)];
  }
  return { node, pointer: ref.slice(1) };
}

/** Subschemas applied to the same value as `node`, with their pointers. */
function sameValueChildren(node: Node, pointer: string): [unknown, string][] {
  const out: [unknown, string][] = [];
  for (const k of SAME_VALUE_LISTS) if (Array.isArray(node[k])) (node[k] as unknown[]).forEach((c, i) => out.push([c, `${pointer}/${k}/${i}`]));
  for (const k of SAME_VALUE_ONE) if (k in node) out.push([node[k], `${pointer}/${k}`]);
  for (const k of SAME_VALUE_MAPS) if (isNode(node[k])) for (const [name, c] of Object.entries(node[k] as Node)) out.push([c, `${pointer}/${k}/${name}`]);
  return out;
}

/** Every object in the schema, with its pointer: each is a place a loop may start. */
function allNodes(node: unknown, pointer: string, out: [Node, string][]): void {
  if (Array.isArray(node)) node.forEach((c, i) => allNodes(c, `${pointer}/${i}`, out));
  else if (isNode(node)) {
    out.push([node, pointer]);
    for (const [k, c] of Object.entries(node)) allNodes(c, `${pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`, out);
  }
}

/** The pointer of a `$ref` in a loop that never steps into the value, or undefined when there is none. */
export function endlessRef(schema: Node): string | undefined {
  const done = new Set<string>();
  const onPath = new Set<string>();
  const visit = (node: unknown, pointer: string): string | undefined => {
    if (!isNode(node) || done.has(pointer)) return undefined;
    if (onPath.has(pointer)) return pointer;
    onPath.add(pointer);
    try {
      for (const [child, at] of sameValueChildren(node, pointer)) {
        const loop = visit(child, at);
        if (loop !== undefined) return loop;
      }
      if (typeof node.$ref === "string") {
        const to = target(schema, node.$ref);
        if (to !== undefined && visit(to.node, to.pointer) !== undefined) return `${pointer || ""}/$ref`;
      }
    } finally {
      onPath.delete(pointer);
    }
    done.add(pointer);
    return undefined;
  };
  const nodes: [Node, string][] = [];
  allNodes(schema, "", nodes);
  for (const [node, pointer] of nodes) {
    const loop = visit(node, pointer);
    if (loop !== undefined) return loop;
  }
  return undefined;
}
