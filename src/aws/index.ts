// The only door to the AWS SDK: loaded on demand, so lint without --live never pays for it.
import type { AwsCopier, AwsFacts, AwsOptions } from "./types.js";

export async function loadAws(options: AwsOptions): Promise<AwsFacts> {
  // The SDK warns on every run under Node 20 that its releases after January 2027 will need Node 22.
  // That is a note for us (the package pins the SDK), not something a user of the CLI can act on.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const { createAwsFacts } = await import("./live.js");
  return createAwsFacts(options);
}

export async function loadCopier(options: AwsOptions): Promise<AwsCopier> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const { createCopier } = await import("./copy.js");
  return createCopier(options);
}
