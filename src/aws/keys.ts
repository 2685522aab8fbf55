// KMS DescribeKey, each key once. DescribeKey does not say which alias it was asked by, so an alias
// and its key's ARN can only be known to be one key after the alias is answered: answers are kept
// under the key's id and ARN, and a lookup by id or ARN waits for aliases of the region in flight.
import { DescribeKeyCommand } from "@aws-sdk/client-kms";
import type { KeyMetadata } from "../model/types.js";
import { plain } from "./plain.js";
import { sdkName, type AwsSession } from "./session.js";

const isAlias = (keyId: string) => keyId.startsWith("alias/") || /^arn:[^:]+:kms:[^:]*:[^:]*:alias\//.test(keyId);
/** The key id in a key id or key ARN (`arn:…:key/ID` → ID): asked both ways, it is one key. */
const keyIdPart = (keyId: string) => keyId.replace(/^arn:[^:]+:kms:[^:]*:[^:]*:key\//, "");

export class KeyLookups {
  private readonly answers = new Map<string, KeyMetadata>();
  private readonly aliasLookups = new Map<string, Set<Promise<unknown>>>();
  private readonly keyLookups = new Map<string, Promise<unknown>>();

  constructor(private readonly session: AwsSession) {}

  describeKey(region: string, keyId: string): Promise<KeyMetadata | null> {
    const textKey = `key/${region}/${keyId}`;
    const cached = this.session.peek<KeyMetadata | null>(textKey);
    if (cached !== undefined) return cached;
    const known = this.answers.get(`${region}/${keyId}`);
    if (known !== undefined) return this.session.once(textKey, async () => known);
    const alias = isAlias(keyId);
    const sameKey = alias ? undefined : `${region}/${keyIdPart(keyId)}`;
    const lookup = this.session.once(textKey, () => this.ask(region, keyId, sameKey));
    this.track(lookup.catch(() => undefined), region, alias, sameKey);
    return lookup;
  }

  private async ask(region: string, keyId: string, sameKey: string | undefined): Promise<KeyMetadata | null> {
    if (sameKey !== undefined) {
      // An alias or the other spelling of this key may be in flight: wait for those answers rather
      // than ask again (one round trip at most).
      const before = [...(this.aliasLookups.get(region) ?? []), ...(this.keyLookups.has(sameKey) ? [this.keyLookups.get(sameKey)] : [])];
      if (before.length > 0) {
        await Promise.allSettled(before);
        const answer = this.answers.get(`${region}/${keyId}`);
        if (answer !== undefined) return answer;
      }
    }
    try {
      const out = await this.session.send(region, "kms", new DescribeKeyCommand({ KeyId: keyId }), this.session.clients.kms(region));
      const metadata = plain<{ KeyMetadata?: KeyMetadata }>(out).KeyMetadata ?? null;
      for (const name of [metadata?.KeyId, metadata?.Arn]) if (typeof name === "string") this.answers.set(`${region}/${name}`, metadata!);
      return metadata;
    } catch (error) {
      if (sdkName(error) === "NotFoundException") return null;
      throw error;
    }
  }

  private track(settled: Promise<unknown>, region: string, alias: boolean, sameKey: string | undefined): void {
    if (alias) {
      const pending = this.aliasLookups.get(region) ?? new Set<Promise<unknown>>();
      this.aliasLookups.set(region, pending);
      pending.add(settled);
      void settled.then(() => pending.delete(settled));
    } else if (sameKey !== undefined && !this.keyLookups.has(sameKey)) {
      this.keyLookups.set(sameKey, settled);
      void settled.then(() => this.keyLookups.delete(sameKey));
    }
  }
}
