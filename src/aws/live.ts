// AwsFacts over the real SDK: snapshots and keys, each distinct thing fetched once (the promise is
// cached, so callers asking at the same time share one call), listings through the SDK's paginators
// at the API maximum, every call bounded by --concurrency in its region (see session.ts).
import { paginateListAliases } from "@aws-sdk/client-kms";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { KeyLookups } from "./keys.js";
import { plain } from "./plain.js";
import { AwsSession } from "./session.js";
import { PAGE, SnapshotLookups } from "./snapshots.js";
import { AwsError, type AwsFacts, type AwsOptions, type KmsAlias } from "./types.js";

export function createAwsFacts(options: AwsOptions): AwsFacts {
  const session = new AwsSession(options);
  let knownAccount: string | undefined;
  let account: Promise<string> | undefined;
  const callerAccount = () =>
    (account ??= (async () => {
      // STS answers the same in every region; prefer the one the user's configuration names.
      const region = (await session.clients.defaultRegion()) ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1";
      const out = plain<{ Account?: string }>(await session.send(region, "sts", new GetCallerIdentityCommand({}), session.clients.sts(region)));
      if (!out.Account) throw new AwsError("STS GetCallerIdentity returned no account", "ServiceError", "sts:GetCallerIdentity");
      knownAccount = out.Account;
      return out.Account;
    })());
  const snapshots = new SnapshotLookups(session, () => knownAccount, options.onProgress ?? (() => undefined));
  const keys = new KeyLookups(session);

  const listAliases = (region: string): Promise<KmsAlias[]> =>
    session.once(`aliases/${region}`, async () => {
      const aliases: KmsAlias[] = [];
      // KMS says Truncated with NextMarker; the paginator follows NextMarker until it is absent.
      try {
        for await (const page of paginateListAliases({ client: session.clients.kms(region), pageSize: PAGE, withCommand: session.guard(region, "kms") }, {})) {
          for (const a of page.Aliases ?? []) aliases.push({ AliasName: a.AliasName, AliasArn: a.AliasArn, ...(a.TargetKeyId ? { TargetKeyId: a.TargetKeyId } : {}) });
          if (!page.Truncated) break;
        }
      } catch (error) {
        throw session.mapped(error, region, "kms", "ListAliasesCommand");
      }
      return aliases;
    });

  return {
    callerAccount,
    describeSnapshot: (region, idOrArn) => snapshots.describeSnapshot(region, idOrArn),
    describeKey: (region, keyId) => keys.describeKey(region, keyId),
    listSnapshots: (region) => snapshots.listSnapshots(region),
    listAliases,
  };
}
