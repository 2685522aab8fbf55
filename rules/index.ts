// Every built-in rule, in the order `rules` lists them: request shape, identifiers and regions,
// KMS and encryption, tags, organisation policy, facts about existing snapshots.
import type { Rule } from "../src/engine/rule.js";
import duplicateKey from "./duplicate-key.js";
import kmsKeyFormat from "./kms-key-format.js";
import kmsKeyRegion from "./kms-key-region.js";
import kmsKeyRequired from "./kms-key-required.js";
import kmsKeyUnencryptedSource from "./kms-key-unencrypted-source.js";
import encryptionRequired from "./encryption-required.js";
import kmsKeyUsable from "./kms-key-usable.js";
import kmsKeyAllowed from "./kms-key-allowed.js";
import presignedUrl from "./presigned-url.js";
import requestSchema from "./request-schema.js";
import sharedSourceCrossRegion from "./shared-source-cross-region.js";
import sourceAutomatedOtherAccount from "./source-automated-other-account.js";
import sourceArnRequired from "./source-arn-required.js";
import sourceIdentifier from "./source-identifier.js";
import sourceRegion from "./source-region.js";
import sourceRegionMissing from "./source-region-missing.js";
import sourceSnapshot from "./source-snapshot.js";
import targetExists from "./target-exists.js";
import targetIdentifier from "./target-identifier.js";
import tagFormat from "./tag-format.js";
import tagReservedPrefix from "./tag-reserved-prefix.js";
import tagDuplicate from "./tag-duplicate.js";
import tagLimit from "./tag-limit.js";
import copyTagsIgnored from "./copy-tags-ignored.js";
import tagPolicy from "./tag-policy.js";
import copyTags from "./copy-tags.js";
import targetName from "./target-name.js";
import regionAllowed from "./region-allowed.js";
import snapshotPublic from "./snapshot-public.js";
import snapshotShared from "./snapshot-shared.js";
import snapshotMaxAge from "./snapshot-max-age.js";

export const RULES: readonly Rule[] = [
  requestSchema,
  duplicateKey,
  targetIdentifier,
  sourceIdentifier,
  sourceRegion,
  sourceRegionMissing,
  sourceArnRequired,
  sharedSourceCrossRegion,
  sourceAutomatedOtherAccount,
  presignedUrl,
  kmsKeyFormat,
  kmsKeyRegion,
  kmsKeyRequired,
  kmsKeyUnencryptedSource,
  encryptionRequired,
  kmsKeyUsable,
  kmsKeyAllowed,
  tagFormat,
  tagReservedPrefix,
  tagDuplicate,
  tagLimit,
  copyTagsIgnored,
  tagPolicy,
  copyTags,
  targetName,
  regionAllowed,
  sourceSnapshot,
  targetExists,
  snapshotPublic,
  snapshotShared,
  snapshotMaxAge,
];
