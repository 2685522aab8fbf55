// A loopback emulator of the AWS operations the tool uses, for end-to-end tests with the real SDK:
// Neptune (query protocol), STS (query), KMS and the Resource Groups Tagging API (JSON 1.1), on one
// port as `--endpoint-url` expects. Region and service come from each request's SigV4 credential
// scope, the account from its access key. Faults can be injected; every call is counted.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { EmulatorState, Fault, type Caller } from "./state.js";
import { credentialScope, formList, parseForm, queryError, queryResponse } from "./wire.js";

export { EmulatorState, Fault } from "./state.js";

const NEPTUNE_XMLNS = "http://rds.amazonaws.com/doc/2014-10-31/";
const STS_XMLNS = "https://sts.amazonaws.com/doc/2011-06-15/";

export type FaultKind = "throttle" | "500" | "accessDenied" | "expiredToken" | "latency" | "fault" | "hang" | "malformed";

export interface FaultRule {
  service?: "rds" | "kms" | "tagging" | "sts";
  operation?: string;
  region?: string;
  /** How many matching calls it applies to (default: all). */
  times?: number;
  /** Let this many matching calls through first (default 0). */
  after?: number;
  kind: FaultKind;
  /** For latency. */
  ms?: number;
  /** For kind "fault": answer with this documented fault code (and status, default 400). */
  code?: string;
  status?: number;
  /** For kind "malformed": the body of the HTTP 200 answer (default: empty). */
  body?: string;
}

export interface Call {
  service: string;
  operation: string;
  region: string;
  params: Record<string, unknown>;
}

export interface Emulator {
  url: string;
  state: EmulatorState;
  calls: Call[];
  count(operation: string, region?: string): number;
  faults: { add(rule: FaultRule): void; clear(): void };
  /** Added before every response. */
  latencyMs: number;
  /** Access key id → account, to act as several accounts. */
  accounts: Map<string, string>;
  close(): Promise<void>;
}

interface Parsed {
  service: "rds" | "kms" | "tagging" | "sts";
  operation: string;
  params: Record<string, unknown>;
}

function parse(req: IncomingMessage, body: string, scopeService: string | undefined): Parsed {
  const target = req.headers["x-amz-target"];
  if (typeof target === "string") {
    const [prefix, operation] = target.split(".");
    const json = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    if (prefix === "TrentService") return { service: "kms", operation: operation!, params: json };
    if (prefix === "ResourceGroupsTaggingAPI_20170126") return { service: "tagging", operation: operation!, params: json };
    throw new Fault("UnknownOperationException", `Unknown target ${target}`);
  }
  const form = parseForm(body);
  const service = scopeService === "sts" || form.Version === "2011-06-15" ? "sts" : "rds";
  return { service, operation: form.Action ?? "", params: form };
}

function faultResponse(kind: Exclude<FaultKind, "latency" | "fault" | "hang" | "malformed">, call: Parsed, caller: Caller): Fault {
  const json = call.service === "kms" || call.service === "tagging";
  const action = `${call.service === "tagging" ? "tag" : call.service}:${call.operation}`;
  switch (kind) {
    case "throttle":
      return call.service === "kms"
        ? new Fault("ThrottlingException", "Rate exceeded", 400)
        : call.service === "tagging"
          ? new Fault("ThrottledException", "Rate exceeded", 400)
          : new Fault("Throttling", "Rate exceeded", 400);
    case "500":
      return new Fault(json ? "InternalFailure" : "InternalFailure", "We encountered an internal error. Please try again.", 500);
    case "accessDenied":
      return new Fault(
        json ? "AccessDeniedException" : "AccessDenied",
        `User: arn:aws:iam::${caller.account}:user/ci is not authorized to perform: ${action} on resource: * because no identity-based policy allows the ${action} action`,
        json ? 400 : 403,
      );
    case "expiredToken":
      return new Fault(json ? "ExpiredTokenException" : "ExpiredToken", "The security token included in the request is expired", json ? 400 : 403);
  }
}

export async function startEmulator(options: { account?: string; latencyMs?: number } = {}): Promise<Emulator> {
  const state = new EmulatorState(options.account);
  const calls: Call[] = [];
  const rules: (FaultRule & { left: number; skip: number })[] = [];

  const handle = async (req: IncomingMessage, body: string): Promise<{ status: number; type: string; text: string }> => {
    const requestId = randomUUID();
    const scope = credentialScope(req.headers.authorization);
    const caller: Caller = { region: scope.region ?? "us-east-1", account: emulator.accounts.get(scope.accessKey ?? "") ?? state.defaultAccount };
    let call: Parsed | undefined;
    const isJson = typeof req.headers["x-amz-target"] === "string";
    try {
      call = parse(req, body, scope.service);
      calls.push({ service: call.service, operation: call.operation, region: caller.region, params: call.params });
      for (const rule of rules) {
        if (rule.left <= 0) continue;
        if ((rule.service && rule.service !== call.service) || (rule.operation && rule.operation !== call.operation) || (rule.region && rule.region !== caller.region)) continue;
        if (rule.skip > 0) {
          rule.skip--;
          continue;
        }
        rule.left--;
        if (rule.kind === "latency") await new Promise((r) => setTimeout(r, rule.ms ?? 0));
        // Accept the request and never answer (the socket stays open until close()).
        else if (rule.kind === "hang") await new Promise(() => undefined);
        else if (rule.kind === "malformed") return { status: 200, type: isJson ? "application/x-amz-json-1.1" : "text/xml", text: rule.body ?? "" };
        else if (rule.kind === "fault") throw new Fault(rule.code ?? "InternalFailure", `Injected ${rule.code}`, rule.status ?? 400);
        else throw faultResponse(rule.kind, call, caller);
      }
      const result = dispatch(call, caller);
      if (isJson) return { status: 200, type: "application/x-amz-json-1.1", text: JSON.stringify(result) };
      const xmlns = call.service === "sts" ? STS_XMLNS : NEPTUNE_XMLNS;
      return { status: 200, type: "text/xml", text: queryResponse(call.operation, xmlns, result, requestId) };
    } catch (error) {
      const fault = error instanceof Fault ? error : new Fault("InternalFailure", (error as Error).message, 500);
      if (isJson) return { status: fault.status, type: "application/x-amz-json-1.1", text: JSON.stringify({ __type: fault.code, message: fault.message }) };
      const xmlns = call?.service === "sts" ? STS_XMLNS : NEPTUNE_XMLNS;
      return { status: fault.status, type: "text/xml", text: queryError(xmlns, fault.code, fault.message, requestId, fault.status >= 500 ? "Receiver" : "Sender") };
    }
  };

  const dispatch = (call: Parsed, caller: Caller): Record<string, unknown> => {
    const p = call.params as Record<string, string>;
    switch (`${call.service}:${call.operation}`) {
      case "rds:DescribeDBClusterSnapshots":
        return state.describeSnapshots(caller, p);
      case "rds:DescribeDBClusterSnapshotAttributes":
        return state.describeAttributes(caller, p);
      case "rds:ListTagsForResource":
        return state.listTags(caller, p);
      case "rds:CopyDBClusterSnapshot":
        return state.copySnapshot(caller, p, formList(p, "Tags") as { Key: string; Value: string }[]);
      case "sts:GetCallerIdentity":
        return { Arn: `arn:aws:iam::${caller.account}:user/ci`, UserId: "AIDAEMULATOR", Account: caller.account };
      case "kms:DescribeKey": {
        const key = state.describeKey(caller, (call.params as { KeyId?: string }).KeyId);
        return { KeyMetadata: key };
      }
      case "kms:ListAliases":
        return state.listAliases(caller, call.params as { Limit?: number; Marker?: string });
      case "tagging:GetResources":
        return state.getResources(caller, call.params as { ResourceTypeFilters?: string[]; ResourcesPerPage?: number; PaginationToken?: string });
      default:
        throw call.service === "kms" || call.service === "tagging"
          ? new Fault("UnknownOperationException", `Unknown operation ${call.operation}`)
          : new Fault("InvalidAction", `The action ${call.operation} is not valid for this web service.`);
    }
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        if (emulator.latencyMs > 0) await new Promise((r) => setTimeout(r, emulator.latencyMs));
        const out = await handle(req, Buffer.concat(chunks).toString("utf8"));
        res.writeHead(out.status, { "content-type": out.type, "x-amzn-requestid": randomUUID() });
        res.end(out.text);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  const emulator: Emulator = {
    url: `http://127.0.0.1:${port}`,
    state,
    calls,
    count: (operation, region) => calls.filter((c) => c.operation === operation && (region === undefined || c.region === region)).length,
    faults: {
      add: (rule) => rules.push({ ...rule, left: rule.times ?? Infinity, skip: rule.after ?? 0 }),
      clear: () => void rules.splice(0),
    },
    latencyMs: options.latencyMs ?? 0,
    accounts: new Map(),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return emulator;
}
