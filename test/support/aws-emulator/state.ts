// What the emulated account(s) hold, and the operations on it, following the Neptune, KMS, Tagging
// and STS API references: identifiers compare without case and are stored in lower case, named
// lookups fail with the documented fault, lists page with an opaque marker.
import { randomUUID } from "node:crypto";
import type { Snapshot } from "../../../src/model/types.js";

export class Fault extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** A snapshot as DescribeDBClusterSnapshots returns it, with the members the emulator always sets. */
export interface EmulatedSnapshot extends Snapshot {
  DBClusterSnapshotIdentifier: string;
  DBClusterSnapshotArn: string;
}

export interface EmulatedKey {
  KeyId: string;
  Arn: string;
  KeyState: string;
  Enabled: boolean;
  KeyManager: string;
  KeySpec: string;
  KeyUsage: string;
  [member: string]: unknown;
}

export interface Caller {
  region: string;
  account: string;
}

const ID = /^[a-zA-Z][a-zA-Z0-9]*(-[a-zA-Z0-9]+)*$/;

function marker(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString("base64");
}

function offsetOf(text: string | undefined): number {
  if (text === undefined || text === "") return 0;
  const m = /^offset:(\d+)$/.exec(Buffer.from(text, "base64").toString());
  if (!m) throw new Fault("InvalidParameterValue", "The marker is not valid.");
  return Number(m[1]);
}

export class EmulatorState {
  /** Snapshots by lower-cased ARN, in the order created. */
  readonly snapshots = new Map<string, EmulatedSnapshot>();
  readonly tags = new Map<string, { Key: string; Value: string }[]>();
  /** `restore` attribute values by lower-cased ARN. */
  readonly restore = new Map<string, string[]>();
  /** Keys by `region/keyId`. */
  readonly keys = new Map<string, EmulatedKey>();
  /** Alias name → key id, by `region/alias`. */
  readonly aliases = new Map<string, string>();
  /** Manual snapshots an account may hold per region (SnapshotQuotaExceededFault beyond). */
  snapshotQuota = Infinity;
  /**
   * Copies in progress an account may have to one region (the Neptune user guide: "up to five snapshot
   * copy requests in progress to a single Region per account"); beyond, SnapshotQuotaExceeded.
   */
  copiesInProgressLimit = 5;
  /** The most copies ever seen in progress at once per `region/account`. */
  readonly peakInProgress = new Map<string, number>();
  /** How much a copy advances each time it is described; 100 makes copies finish at once. */
  copyStep = 50;
  private readonly failing = new Set<string>();
  /** Called as a copy request arrives, before it is judged (e.g. to make its target appear meanwhile). */
  beforeCopy?: (caller: Caller, target: string) => void;

  constructor(readonly defaultAccount = "111122223333") {}

  addSnapshot(region: string, snapshot: Partial<EmulatedSnapshot> & { DBClusterSnapshotIdentifier: string }, options: { account?: string; tags?: { Key: string; Value: string }[]; restore?: string[] } = {}): EmulatedSnapshot {
    const account = options.account ?? this.defaultAccount;
    const id = snapshot.DBClusterSnapshotIdentifier.toLowerCase();
    const full: EmulatedSnapshot = {
      DBClusterIdentifier: "graph-prod",
      SnapshotCreateTime: "2026-11-20T03:05:00.000Z",
      Engine: "neptune",
      Status: "available",
      SnapshotType: id.startsWith("rds:") ? "automated" : "manual",
      StorageEncrypted: false,
      PercentProgress: 100,
      ...snapshot,
      DBClusterSnapshotIdentifier: id,
      DBClusterSnapshotArn: snapshot.DBClusterSnapshotArn ?? `arn:aws:rds:${region}:${account}:cluster-snapshot:${id}`,
    };
    this.snapshots.set(full.DBClusterSnapshotArn.toLowerCase(), full);
    if (options.tags) this.tags.set(full.DBClusterSnapshotArn.toLowerCase(), options.tags);
    if (options.restore) this.restore.set(full.DBClusterSnapshotArn.toLowerCase(), options.restore);
    return full;
  }

  addKey(region: string, key: Partial<EmulatedKey> & { KeyId: string }, account = this.defaultAccount): EmulatedKey {
    const full: EmulatedKey = {
      Arn: `arn:aws:kms:${region}:${account}:key/${key.KeyId}`,
      KeyState: "Enabled",
      Enabled: (key.KeyState ?? "Enabled") === "Enabled",
      KeyManager: "CUSTOMER",
      KeySpec: "SYMMETRIC_DEFAULT",
      KeyUsage: "ENCRYPT_DECRYPT",
      AWSAccountId: account,
      ...key,
    };
    this.keys.set(`${region}/${key.KeyId}`, full);
    return full;
  }

  addAlias(region: string, alias: string, keyId: string): void {
    this.aliases.set(`${region}/${alias}`, keyId);
  }

  /** The copy of this target will end `failed` instead of `available`. */
  failCopiesOf(target: string): void {
    this.failing.add(target.toLowerCase());
  }

  private place(snapshot: EmulatedSnapshot): { region: string; account: string } {
    const [, , , region, account] = snapshot.DBClusterSnapshotArn.split(":");
    return { region: region!, account: account! };
  }

  private visible(snapshot: EmulatedSnapshot, caller: Caller, includeShared: boolean, includePublic: boolean): boolean {
    const { region, account } = this.place(snapshot);
    if (region !== caller.region) return false;
    if (account === caller.account) return true;
    const values = this.restore.get(snapshot.DBClusterSnapshotArn.toLowerCase()) ?? [];
    return (includeShared && values.includes(caller.account)) || (includePublic && values.includes("all"));
  }

  /** A snapshot the caller can see by identifier (own, in its region) or ARN (own or shared with it). */
  find(caller: Caller, idOrArn: string): EmulatedSnapshot | undefined {
    if (idOrArn.startsWith("arn:")) {
      const found = this.snapshots.get(idOrArn.toLowerCase());
      return found && this.visible(found, caller, true, true) ? found : undefined;
    }
    return this.snapshots.get(`arn:aws:rds:${caller.region}:${caller.account}:cluster-snapshot:${idOrArn.toLowerCase()}`);
  }

  /** Copies in progress move on each time they are looked at. */
  private advance(snapshot: EmulatedSnapshot): void {
    if (snapshot.Status !== "copying") return;
    const progress = Math.min(100, (snapshot.PercentProgress ?? 0) + this.copyStep);
    snapshot.PercentProgress = progress;
    if (progress >= 100) snapshot.Status = this.failing.has(snapshot.DBClusterSnapshotIdentifier) ? "failed" : "available";
  }

  describeSnapshots(caller: Caller, p: Record<string, string>): Record<string, unknown> {
    const max = p.MaxRecords === undefined ? 100 : Number(p.MaxRecords);
    if (!Number.isInteger(max) || max < 20 || max > 100) throw new Fault("InvalidParameterValue", "MaxRecords must be between 20 and 100.");
    if (p.DBClusterSnapshotIdentifier !== undefined && p.DBClusterIdentifier !== undefined) {
      throw new Fault("InvalidParameterCombination", "DBClusterSnapshotIdentifier and DBClusterIdentifier cannot be used together.");
    }
    const includeShared = p.IncludeShared === "true";
    const includePublic = p.IncludePublic === "true";
    let list: EmulatedSnapshot[];
    if (p.DBClusterSnapshotIdentifier !== undefined) {
      const found = this.find(caller, p.DBClusterSnapshotIdentifier);
      // "If this identifier is for an automated snapshot, the SnapshotType parameter must also be specified."
      const automatedUnnamed = found?.SnapshotType === "automated" && p.SnapshotType !== "automated";
      if (found === undefined || automatedUnnamed || (p.SnapshotType !== undefined && found.SnapshotType !== p.SnapshotType && !(p.SnapshotType === "shared" && found))) {
        throw new Fault("DBClusterSnapshotNotFoundFault", `DBClusterSnapshot ${p.DBClusterSnapshotIdentifier} not found.`, 404);
      }
      list = [found];
    } else {
      list = [...this.snapshots.values()].filter((s) => this.visible(s, caller, includeShared, includePublic));
      if (p.DBClusterIdentifier !== undefined) list = list.filter((s) => s.DBClusterIdentifier === p.DBClusterIdentifier!.toLowerCase());
      if (p.SnapshotType !== undefined) list = list.filter((s) => s.SnapshotType === p.SnapshotType);
    }
    const start = offsetOf(p.Marker);
    const page = list.slice(start, start + max);
    page.forEach((s) => this.advance(s));
    return { ...(start + max < list.length ? { Marker: marker(start + max) } : {}), DBClusterSnapshots: page };
  }

  describeAttributes(caller: Caller, p: Record<string, string>): Record<string, unknown> {
    const found = this.find(caller, p.DBClusterSnapshotIdentifier ?? "");
    if (found === undefined) throw new Fault("DBClusterSnapshotNotFoundFault", `DBClusterSnapshot ${p.DBClusterSnapshotIdentifier} not found.`, 404);
    const values = this.restore.get(found.DBClusterSnapshotArn.toLowerCase()) ?? [];
    return {
      DBClusterSnapshotAttributesResult: {
        DBClusterSnapshotIdentifier: found.DBClusterSnapshotIdentifier,
        DBClusterSnapshotAttributes: [{ AttributeName: "restore", AttributeValues: values }],
      },
    };
  }

  listTags(caller: Caller, p: Record<string, string>): Record<string, unknown> {
    const arn = (p.ResourceName ?? "").toLowerCase();
    const found = this.snapshots.get(arn);
    if (found === undefined || this.place(found).account !== caller.account) {
      throw new Fault("DBClusterSnapshotNotFoundFault", `DBClusterSnapshot ${p.ResourceName} not found.`, 404);
    }
    return { TagList: this.tags.get(arn) ?? [] };
  }

  getResources(caller: Caller, body: { ResourceTypeFilters?: string[]; ResourcesPerPage?: number; PaginationToken?: string }): Record<string, unknown> {
    const per = body.ResourcesPerPage ?? 50;
    if (per < 1 || per > 100) throw new Fault("InvalidParameterException", "ResourcesPerPage must be between 1 and 100.");
    const types = body.ResourceTypeFilters ?? [];
    if (types.length > 0 && !types.includes("rds:cluster-snapshot") && !types.includes("rds")) return { ResourceTagMappingList: [], PaginationToken: "" };
    // The Tagging API lists resources that are or were tagged; a snapshot never tagged is absent.
    const tagged = [...this.snapshots.values()].filter((s) => {
      const { region, account } = this.place(s);
      return region === caller.region && account === caller.account && this.tags.has(s.DBClusterSnapshotArn.toLowerCase());
    });
    const start = offsetOf(body.PaginationToken);
    const page = tagged.slice(start, start + per);
    return {
      PaginationToken: start + per < tagged.length ? marker(start + per) : "",
      ResourceTagMappingList: page.map((s) => ({ ResourceARN: s.DBClusterSnapshotArn, Tags: this.tags.get(s.DBClusterSnapshotArn.toLowerCase()) ?? [] })),
    };
  }

  /** ListAliases of the caller's region and account, paged by `Limit` (1–100, default 50) and `Marker`. */
  listAliases(caller: Caller, body: { Limit?: number; Marker?: string }): Record<string, unknown> {
    const limit = body.Limit ?? 50;
    if (limit < 1 || limit > 100) throw new Fault("ValidationException", "Limit must be between 1 and 100.");
    const all = [...this.aliases.entries()]
      .filter(([at, keyId]) => at.startsWith(`${caller.region}/`) && this.keys.get(`${caller.region}/${keyId}`)?.AWSAccountId === caller.account)
      .map(([at, keyId]) => {
        const name = at.slice(caller.region.length + 1);
        return { AliasName: name, AliasArn: `arn:aws:kms:${caller.region}:${caller.account}:${name}`, TargetKeyId: keyId };
      });
    const start = offsetOf(body.Marker);
    const page = all.slice(start, start + limit);
    const more = start + limit < all.length;
    return { Aliases: page, Truncated: more, ...(more ? { NextMarker: marker(start + limit) } : {}) };
  }

  /** DescribeKey by key id, key ARN, alias name or alias ARN, in the caller's region. */
  describeKey(caller: Caller, keyId: string | undefined): EmulatedKey {
    const notFound = () => new Fault("NotFoundException", `Key '${keyId}' does not exist`);
    if (!keyId) throw new Fault("ValidationException", "KeyId is required");
    let id = keyId;
    if (id.startsWith("arn:")) {
      const [, , , region, account, resource] = id.split(":");
      // KMS keys are regional: an ARN of another region is not found in this one.
      if (region !== caller.region || resource === undefined) throw notFound();
      if (resource.startsWith("alias/")) {
        const target = this.aliases.get(`${region}/${resource}`);
        const key = target && this.keys.get(`${region}/${target}`);
        if (!key || key.AWSAccountId !== account) throw notFound();
        return key;
      }
      id = resource.replace(/^key\//, "");
    } else if (id.startsWith("alias/")) {
      if (id === "alias/aws/rds" && !this.aliases.has(`${caller.region}/${id}`)) {
        // AWS creates the AWS managed key for RDS on first use; the emulator does the same.
        const managed = this.addKey(caller.region, { KeyId: randomUUID(), KeyManager: "AWS", Description: "Default key that protects my RDS database volumes when no other key is defined" }, caller.account);
        this.addAlias(caller.region, id, managed.KeyId);
      }
      const target = this.aliases.get(`${caller.region}/${id}`);
      if (target === undefined) throw new Fault("NotFoundException", `Alias ${`arn:aws:kms:${caller.region}:${caller.account}:${id}`} is not found.`);
      id = target;
    }
    const key = this.keys.get(`${caller.region}/${id}`);
    if (key === undefined) throw notFound();
    return key;
  }

  copySnapshot(caller: Caller, p: Record<string, string>, tags: { Key: string; Value: string }[]): Record<string, unknown> {
    const target = p.TargetDBClusterSnapshotIdentifier ?? "";
    const sourceText = p.SourceDBClusterSnapshotIdentifier ?? "";
    this.beforeCopy?.(caller, target);
    if (!target || !sourceText) throw new Fault("MissingParameter", "SourceDBClusterSnapshotIdentifier and TargetDBClusterSnapshotIdentifier are required.");
    if (target.length > 63 || !ID.test(target)) throw new Fault("InvalidParameterValue", `The parameter TargetDBClusterSnapshotIdentifier is not a valid identifier: ${target}`);
    let source: EmulatedSnapshot | undefined;
    let sourceRegion = caller.region;
    if (sourceText.startsWith("arn:")) {
      const [, , , region, account] = sourceText.split(":");
      sourceRegion = region!;
      const found = this.snapshots.get(sourceText.toLowerCase());
      const values = found ? (this.restore.get(found.DBClusterSnapshotArn.toLowerCase()) ?? []) : [];
      if (found && (account === caller.account || values.includes(caller.account) || values.includes("all"))) source = found;
    } else {
      source = this.find(caller, sourceText);
    }
    if (source === undefined) throw new Fault("DBClusterSnapshotNotFoundFault", `DBClusterSnapshot ${sourceText} not found.`, 404);
    const crossRegion = sourceRegion !== caller.region;
    const shared = this.place(source).account !== caller.account;
    if (crossRegion) checkPresignedUrl(p.PreSignedUrl, sourceRegion, caller.region, sourceText);
    if (source.Status !== "available") throw new Fault("InvalidDBClusterSnapshotStateFault", `Snapshot ${source.DBClusterSnapshotIdentifier} is not in available state (it is ${source.Status}).`);
    if (p.KmsKeyId && !source.StorageEncrypted) throw new Fault("InvalidParameterCombination", "Cannot encrypt an unencrypted snapshot while copying it: KmsKeyId must not be given for an unencrypted source.");
    if (source.StorageEncrypted && !p.KmsKeyId && (crossRegion || shared)) {
      throw new Fault("InvalidParameterCombination", "KmsKeyId is required to copy an encrypted snapshot to another region or from another account.");
    }
    if (this.find(caller, target)) throw new Fault("DBClusterSnapshotAlreadyExistsFault", `Cannot create the cluster snapshot because one with the identifier ${target} already exists.`);
    let kmsKeyId = source.KmsKeyId;
    if (p.KmsKeyId) {
      let key: EmulatedKey;
      try {
        key = this.describeKey(caller, p.KmsKeyId);
      } catch {
        throw new Fault("KMSKeyNotAccessibleFault", `The specified KMS key ${p.KmsKeyId} does not exist, is not enabled or you do not have permissions to access it.`);
      }
      if (key.KeyState !== "Enabled") throw new Fault("KMSKeyNotAccessibleFault", `The specified KMS key ${p.KmsKeyId} is ${key.KeyState}.`);
      kmsKeyId = key.Arn;
    }
    const own = [...this.snapshots.values()].filter((s) => {
      const at = this.place(s);
      return at.region === caller.region && at.account === caller.account && s.SnapshotType === "manual";
    });
    // The wire code of SnapshotQuotaExceededFault is "SnapshotQuotaExceeded" (the API model's awsQueryError code).
    if (own.length >= this.snapshotQuota) throw new Fault("SnapshotQuotaExceeded", "The request would result in the user exceeding the allowed number of DB snapshots.");
    const copying = own.filter((s) => s.Status === "copying").length;
    if (copying >= this.copiesInProgressLimit) throw new Fault("SnapshotQuotaExceeded", `You can have up to ${this.copiesInProgressLimit} snapshot copy requests in progress to a single Region per account.`);
    const peakKey = `${caller.region}/${caller.account}`;
    this.peakInProgress.set(peakKey, Math.max(this.peakInProgress.get(peakKey) ?? 0, copying + 1));
    const copyTags = p.CopyTags === "true";
    const copy = this.addSnapshot(
      caller.region,
      {
        ...source,
        DBClusterSnapshotIdentifier: target,
        DBClusterSnapshotArn: undefined as unknown as string,
        SnapshotType: "manual",
        Status: "copying",
        PercentProgress: 0,
        SnapshotCreateTime: new Date().toISOString(),
        KmsKeyId: kmsKeyId,
        SourceDBClusterSnapshotArn: source.DBClusterSnapshotArn,
      },
      { account: caller.account, tags: tags.length > 0 ? tags : copyTags ? [...(this.tags.get(source.DBClusterSnapshotArn.toLowerCase()) ?? [])] : undefined },
    );
    if (copy.KmsKeyId === undefined) delete copy.KmsKeyId;
    return { DBClusterSnapshot: copy };
  }
}

/**
 * A cross-region copy must carry a SigV4 presigned URL for CopyDBClusterSnapshot in the SOURCE
 * region (the Neptune API: "PreSignedUrl ... must be signed for the source region"). The signature
 * itself is not recomputed — the emulator does not know the caller's secret — but everything that
 * says which request was signed where is checked.
 */
export function checkPresignedUrl(text: string | undefined, sourceRegion: string, destinationRegion: string, source: string): void {
  const fail = (why: string) => new Fault("InvalidParameterValue", `PreSignedUrl is not valid: ${why}`);
  if (!text) throw fail("a cross-region copy needs a URL presigned in the source region");
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw fail("not a URL");
  }
  const q = url.searchParams;
  const scope = /^[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request$/.exec(q.get("X-Amz-Credential") ?? "");
  if (q.get("X-Amz-Algorithm") !== "AWS4-HMAC-SHA256" || !q.get("X-Amz-Signature") || !q.get("X-Amz-Date") || !scope) throw fail("not a SigV4 presigned URL");
  if (scope[1] !== sourceRegion) throw fail(`signed for ${scope[1]}, not the source region ${sourceRegion}`);
  if (scope[2] !== "rds") throw fail(`signed for service ${scope[2]}, not rds`);
  if (url.hostname !== `rds.${sourceRegion}.amazonaws.com`) throw fail(`addressed to ${url.hostname}, not rds.${sourceRegion}.amazonaws.com`);
  if (q.get("Action") !== "CopyDBClusterSnapshot") throw fail(`signs ${q.get("Action")}, not CopyDBClusterSnapshot`);
  if (q.get("SourceDBClusterSnapshotIdentifier") !== source) throw fail("signs another source snapshot");
  if (q.get("DestinationRegion") !== null && q.get("DestinationRegion") !== destinationRegion) throw fail(`signs destination ${q.get("DestinationRegion")}`);
}
