// The only door to the AWS SDK: loaded on demand, so lint without --live never pays for it.
import type { AwsFacts, AwsOptions } from "./types.js";

export async function loadAws(options: AwsOptions): Promise<AwsFacts> {
  const { createAwsFacts } = await import("./live.js");
  return createAwsFacts(options);
}
