// JSON pointers (RFC 6901), the one way every layer names a place in a document.

/** RFC 6901: `~` → `~0`, `/` → `~1`. */
export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Split an RFC 6901 pointer; undefined when it is not one. */
export function pointerSegments(pointer: string): string[] | undefined {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) return undefined;
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Whether `pointer` is `base` itself or lies under it (`/Tags/2/Key` is within `/Tags`). */
export function isWithin(pointer: string, base: string): boolean {
  return base === "" || pointer === base || pointer.startsWith(base + "/");
}
