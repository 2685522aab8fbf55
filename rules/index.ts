// Every built-in rule, in the order `rules` lists them.
import type { Rule } from "../src/engine/rule.js";
import kmsKeyRegion from "./kms-key-region.js";
import presignedUrl from "./presigned-url.js";

export const RULES: readonly Rule[] = [presignedUrl, kmsKeyRegion];
