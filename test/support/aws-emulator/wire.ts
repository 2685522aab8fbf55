// The two wire protocols the emulated services speak: AWS query (Neptune, STS: form-encoded
// requests, XML responses) and AWS JSON 1.1 (KMS, Resource Groups Tagging API).

/** XML text escaping for element content. */
export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** How a list's members are named in XML (query protocol): the shape's xmlName. */
const LIST_MEMBER: Record<string, string> = {
  DBClusterSnapshots: "DBClusterSnapshot",
  AvailabilityZones: "AvailabilityZone",
  TagList: "Tag",
  DBClusterSnapshotAttributes: "DBClusterSnapshotAttribute",
  AttributeValues: "AttributeValue",
};

/** A plain value as query-protocol XML: objects become elements, lists wrap their named members. */
export function toXml(name: string, value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) {
    const member = LIST_MEMBER[name] ?? "member";
    return `<${name}>${value.map((v) => toXml(member, v)).join("")}</${name}>`;
  }
  if (typeof value === "object") {
    return `<${name}>${Object.entries(value as Record<string, unknown>).map(([k, v]) => toXml(k, v)).join("")}</${name}>`;
  }
  return `<${name}>${esc(String(value))}</${name}>`;
}

export function queryResponse(action: string, xmlns: string, result: Record<string, unknown>, requestId: string): string {
  const body = Object.entries(result).map(([k, v]) => toXml(k, v)).join("");
  return `<${action}Response xmlns="${xmlns}"><${action}Result>${body}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

export function queryError(xmlns: string, code: string, message: string, requestId: string, type: "Sender" | "Receiver" = "Sender"): string {
  return `<ErrorResponse xmlns="${xmlns}"><Error><Type>${type}</Type><Code>${esc(code)}</Code><Message>${esc(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}

/** Form parameters of a query request. */
export function parseForm(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

/** `Tags.Tag.1.Key=a&Tags.Tag.1.Value=b` (or `.member.`) → `[{Key: "a", Value: "b"}]`. */
export function formList(params: Record<string, string>, list: string): Record<string, string>[] {
  const items = new Map<number, Record<string, string>>();
  const pattern = new RegExp(`^${list}\\.(?:[A-Za-z]+)\\.(\\d+)\\.(\\w+)$`);
  for (const [key, value] of Object.entries(params)) {
    const m = pattern.exec(key);
    if (!m) continue;
    const i = Number(m[1]);
    items.set(i, { ...(items.get(i) ?? {}), [m[2]!]: value });
  }
  return [...items.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

/** Region and service of a SigV4-signed request, from its credential scope. */
export function credentialScope(authorization: string | undefined): { accessKey?: string; region?: string; service?: string } {
  const m = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(authorization ?? "");
  return m ? { accessKey: m[1], region: m[2], service: m[3] } : {};
}
