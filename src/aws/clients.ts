// SDK clients, one per service and region, made on first use and kept. Every client honours
// --profile through the standard credential chain (the `profile` client option reaches both the
// region loader and the SDK's default credential provider), points at --endpoint-url when given
// (one endpoint for every service, as in the AWS CLI), retries adaptively, and gives up on a
// connection or an attempt that takes too long (--connect-timeout, --read-timeout).
import { KMSClient } from "@aws-sdk/client-kms";
import { NeptuneClient } from "@aws-sdk/client-neptune";
import { ResourceGroupsTaggingAPIClient } from "@aws-sdk/client-resource-groups-tagging-api";
import { STSClient } from "@aws-sdk/client-sts";
import type { AwsOptions } from "./types.js";

export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface Clients {
  neptune(region: string): NeptuneClient;
  kms(region: string): KMSClient;
  tagging(region: string): ResourceGroupsTaggingAPIClient;
  sts(region: string): STSClient;
  /** The region the SDK itself would pick (AWS_REGION, then the profile's `region`), if any. */
  defaultRegion(): Promise<string | undefined>;
}

/** What the SDK resolves a client's `credentials` option to: a memoized provider of credentials. */
type CredentialProvider = KMSClient["config"]["credentials"];

/**
 * Clients are shared by everything in the process with the same settings (facts and copier alike),
 * so that the credential chain runs once: an assume-role profile, an SSO profile or a
 * credential_process would otherwise be resolved again by every service in every region.
 */
const shared = new Map<string, Clients>();

export function createClients(options: AwsOptions): Clients {
  const settings = JSON.stringify([options.profile ?? null, options.endpointUrl ?? null, options.maxAttempts ?? null, options.connectTimeoutMs ?? null, options.requestTimeoutMs ?? null]);
  let clients = shared.get(settings);
  if (clients === undefined) {
    clients = makeClients(options);
    shared.set(settings, clients);
  }
  return clients;
}

function makeClients(options: AwsOptions) {
  // The first client's resolved provider is handed to every later one (see `shared` above).
  let credentials: CredentialProvider | undefined;
  const config = (region: string | undefined) => ({
    ...(region !== undefined ? { region } : {}),
    ...(options.profile !== undefined ? { profile: options.profile } : {}),
    ...(options.endpointUrl !== undefined ? { endpoint: options.endpointUrl } : {}),
    ...(credentials !== undefined ? { credentials } : {}),
    retryMode: "adaptive",
    maxAttempts: options.maxAttempts ?? 5,
    // Without these a server that accepts a connection and never answers holds a call for ever.
    requestHandler: {
      connectionTimeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
    },
  });
  const perRegion = <C extends { config: { credentials: CredentialProvider } }>(make: (region: string) => C) => {
    const byRegion = new Map<string, C>();
    return (region: string): C => {
      let client = byRegion.get(region);
      if (client === undefined) {
        client = make(region);
        credentials ??= client.config.credentials;
        byRegion.set(region, client);
      }
      return client;
    };
  };
  return {
    neptune: perRegion((region) => new NeptuneClient(config(region))),
    kms: perRegion((region) => new KMSClient(config(region))),
    tagging: perRegion((region) => new ResourceGroupsTaggingAPIClient(config(region))),
    sts: perRegion((region) => new STSClient(config(region))),
    async defaultRegion() {
      // A client made without a region resolves one the SDK's way, profile included; nothing is sent.
      const probe = new STSClient(config(undefined));
      try {
        return await probe.config.region();
      } catch {
        return undefined;
      } finally {
        probe.destroy();
      }
    },
  };
}
