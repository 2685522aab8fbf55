import { defineRule, type RuleContext } from "../src/engine/rule.js";
import { globOptionsProblem, matchesAny } from "../src/engine/glob.js";
import type { RequestView } from "../src/model/view.js";
import { parseClusterSnapshotArn } from "../src/model/arn.js";
import { isKnownRegion } from "../src/model/regions.js";

export interface RegionAllowedOptions {
  destinations?: string[];
  sources?: string[];
}

const GLOBS = { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 };

function list(patterns: readonly string[]): string {
  return patterns.map((p) => JSON.stringify(p)).join(", ");
}

/**
 * The source region of a request and where to point at it; "unknown" when it is the (unknown) destination
 * region; undefined when other rules own the problem (malformed source, unknown or invalid region).
 */
function requestSource(request: RequestView): { region: string; pointer: string } | "unknown" | undefined {
  const { source } = request;
  if (source === undefined) return undefined;
  if (source.kind === "arn") {
    const { region, partition } = source.arn;
    return isKnownRegion(region, partition) ? { region, pointer: "/SourceDBClusterSnapshotIdentifier" } : undefined;
  }
  if (request.sourceRegionText !== undefined) {
    return request.sourceRegion === undefined ? undefined : { region: request.sourceRegion, pointer: "/SourceRegion" };
  }
  const region = request.sourceLocation.region;
  return region === undefined ? "unknown" : { region, pointer: "/SourceDBClusterSnapshotIdentifier" };
}

function checkRequest(context: RuleContext<RegionAllowedOptions>, request: RequestView): void {
  const { destinations, sources } = context.options;
  let unknown = false;
  if (destinations !== undefined) {
    const region = request.destinationRegion;
    if (region === undefined) unknown = true;
    else if (!matchesAny(destinations, region, { nocase: true })) {
      context.report({ pointer: "", messageId: "destination", data: { region, allowed: list(destinations) } });
    }
  }
  if (sources !== undefined) {
    const source = requestSource(request);
    if (source === "unknown") unknown = true;
    else if (source !== undefined && !matchesAny(sources, source.region, { nocase: true })) {
      context.report({ pointer: source.pointer, messageId: "source", data: { region: source.region, allowed: list(sources) } });
    }
  }
  if (unknown) context.unverified("destinationRegion", "the copy's regions against the allowed regions");
}

export default defineRule<RegionAllowedOptions>({
  id: "region-allowed",
  summary: "Snapshots and their copies must stay in the allowed regions",
  description: [
    "Keeps data where the policy allows it (data residency): option `destinations` lists the regions a copy",
    "may be made in, or a snapshot may live in; option `sources` the regions a copy may be made from. Both are",
    "lists of picomatch globs such as `eu-*` or `us-{east,west}-?`, matched without case; give at least one.",
    "",
    "For a copy request:",
    "",
    "- the **destination** region (the plan's `region`, `--region`, the config or `AWS_REGION`) must match",
    "  `destinations`; it is not written in the request, so the finding points at the request itself;",
    "- the **source** region must match `sources`: the region in the source ARN, else `SourceRegion`, else (a",
    "  plain identifier) the destination region. A malformed source, an ARN region unknown in its partition",
    "  and an invalid `SourceRegion` are left to `source-identifier` and `source-region`.",
    "",
    "For a snapshot, its own region (from its ARN, else the region it was listed in) must match",
    "`destinations`, and, when it is a copy, the region in its `SourceDBClusterSnapshotArn` must match",
    "`sources` (a snapshot without that member, or with a malformed one, is not judged against `sources`).",
    "",
    "When a region the rule needs is unknown (no destination region for a request, no ARN and no listing region",
    "for a snapshot), it gives its *unverified* warning instead of guessing.",
  ].join("\n"),
  subjects: ["request", "snapshot"],
  recommended: "off",
  configExample: '[error, { destinations: ["eu-*"], sources: ["eu-*"] }]   # data residency',
  category: "regions",
  needs: ["destinationRegion"],
  options: {
    type: "object",
    properties: {
      destinations: { ...GLOBS, description: "Regions (picomatch globs) a copy may be made in, or a snapshot may live in; give this, `sources` or both" },
      sources: { ...GLOBS, description: "Regions (picomatch globs) a copy may be made from (for a snapshot: the region of its `SourceDBClusterSnapshotArn`)" },
    },
    anyOf: [
      { type: "object", properties: { destinations: true }, required: ["destinations"] },
      { type: "object", properties: { sources: true }, required: ["sources"] },
    ],
    additionalProperties: false,
  },
  messages: {
    destination: "The copy would be made in {{region}}, which the policy does not allow: copy to one of {{allowed}}.",
    source: "The source snapshot is in {{region}}, which the policy does not allow as a source: copy from one of {{allowed}}.",
    snapshotRegion: "The snapshot lives in {{region}}, which the policy does not allow: snapshots must stay in {{allowed}}.",
    snapshotSource:
      "The snapshot was copied from {{region}}, which the policy does not allow as a source: copies must come from {{allowed}}.",
  },
  docs: [
    {
      title: "Neptune API: CopyDBClusterSnapshot (SourceDBClusterSnapshotIdentifier)",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html",
    },
  ],
  checkOptions: (options) => globOptionsProblem(options, ["destinations", "sources"]),
  check(context) {
    const { request, snapshot, options } = context;
    if (request !== undefined) {
      if (request.isObject) checkRequest(context, request);
      return;
    }
    if (snapshot === undefined || !snapshot.isObject) return;
    const { destinations, sources } = options;
    if (destinations !== undefined) {
      const region = snapshot.region;
      if (region === undefined) {
        context.unverified("destinationRegion", "the snapshot's region against the allowed regions (it has no valid DBClusterSnapshotArn)");
      } else if (!matchesAny(destinations, region, { nocase: true })) {
        const pointer = snapshot.arn ? "/DBClusterSnapshotArn" : "";
        context.report({ pointer, messageId: "snapshotRegion", data: { region, allowed: list(destinations) } });
      }
    }
    const copiedFrom = snapshot.snapshot.SourceDBClusterSnapshotArn;
    const sourceArn = typeof copiedFrom === "string" ? parseClusterSnapshotArn(copiedFrom) : undefined;
    if (sources !== undefined && sourceArn !== undefined && !matchesAny(sources, sourceArn.region, { nocase: true })) {
      context.report({ pointer: "/SourceDBClusterSnapshotArn", messageId: "snapshotSource", data: { region: sourceArn.region, allowed: list(sources) } });
    }
  },
});
