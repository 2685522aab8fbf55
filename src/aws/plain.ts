// SDK output as the AWS CLI prints it: plain JSON data (dates as ISO strings), no `$metadata`.
export function plain<T>(value: unknown): T {
  const { $metadata: _ignored, ...rest } = (value ?? {}) as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest)) as T;
}
