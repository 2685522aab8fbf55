// Where a request's copy lands: the one statement of SPEC §2's precedence for the destination
// region and account. First that applies: what the file itself says (a copy plan's `region` and
// `account`, a Terraform resource's provider), the command line, the config (its last matching
// override, then its top level), the environment (region), the caller's account (with --live).
export interface DestinationSources {
  /** What the file says; `region: null` means it says the region cannot be known (nothing falls back). */
  file?: { region?: string | null; account?: string };
  /** --region and --account. */
  cli: { region?: string; account?: string };
  /** The config's settings for the file (overrides applied). */
  config: { region?: string; account?: string };
  env: NodeJS.ProcessEnv;
  /** With --live: the caller's account, from STS. */
  callerAccount?: string;
}

export interface Destination {
  region?: string;
  account?: string;
}

export function destinationOf(sources: DestinationSources): Destination {
  const { file, cli, config, env } = sources;
  const region =
    file?.region === null ? undefined : (file?.region ?? cli.region ?? config.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION);
  const account = file?.account ?? cli.account ?? config.account ?? sources.callerAccount;
  return { ...(region !== undefined ? { region } : {}), ...(account !== undefined ? { account } : {}) };
}

/**
 * The regions `audit --live` and `export` list: every --region given, else the config's, else the
 * environment's — the same order as a request's destination, without a file to ask.
 */
export function listingRegions(cliRegions: readonly string[], configRegion: string | undefined, env: NodeJS.ProcessEnv): string[] {
  if (cliRegions.length > 0) return [...new Set(cliRegions)];
  const fallback = destinationOf({ cli: {}, config: { region: configRegion }, env }).region;
  return fallback === undefined ? [] : [fallback];
}
