// SDK clients, one per service and region, with the standard credential chain (honouring --profile),
// one endpoint for every service when --endpoint-url is given (as in the AWS CLI), and adaptive retry.
import { KMSClient } from "@aws-sdk/client-kms";
import { NeptuneClient } from "@aws-sdk/client-neptune";
import { ResourceGroupsTaggingAPIClient } from "@aws-sdk/client-resource-groups-tagging-api";
import { STSClient } from "@aws-sdk/client-sts";
import type { AwsOptions } from "./types.js";

export interface Clients {
  neptune(region: string): NeptuneClient;
  kms(region: string): KMSClient;
  tagging(region: string): ResourceGroupsTaggingAPIClient;
  sts(region: string): STSClient;
}

export function createClients(options: AwsOptions): Clients {
  const config = (region: string) => ({
    region,
    ...(options.profile !== undefined ? { profile: options.profile } : {}),
    ...(options.endpointUrl !== undefined ? { endpoint: options.endpointUrl } : {}),
    retryMode: "adaptive",
    maxAttempts: options.maxAttempts ?? 5,
  });
  const cached = <C>(make: (region: string) => C) => {
    const byRegion = new Map<string, C>();
    return (region: string): C => {
      let client = byRegion.get(region);
      if (client === undefined) {
        client = make(region);
        byRegion.set(region, client);
      }
      return client;
    };
  };
  return {
    neptune: cached((region) => new NeptuneClient(config(region))),
    kms: cached((region) => new KMSClient(config(region))),
    tagging: cached((region) => new ResourceGroupsTaggingAPIClient(config(region))),
    sts: cached((region) => new STSClient(config(region))),
  };
}
