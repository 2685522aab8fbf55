// What every live call shares: the clients, a bound on calls in flight per region (AWS throttles each
// region separately), one promise per distinct thing asked (callers asking at once share a call), and
// the mapping of a failure to an AwsError naming the IAM action that was sent.
import type { Command } from "@smithy/types";
import { createClients, type Clients } from "./clients.js";
import { errorName, toAwsError, type ServicePrefix } from "./errors.js";
import { createLimit, type Limit } from "./limit.js";
import { AwsError, type AwsOptions } from "./types.js";

/** A refusal or a fault, remembered with the SDK's own name for it (e.g. DBClusterSnapshotNotFoundFault). */
export class CallError extends AwsError {
  constructor(
    base: AwsError,
    readonly sdkName: string,
  ) {
    super(base.message, base.kind, base.action);
  }
}

/** The SDK's name for a failure, through a CallError or not. */
export function sdkName(error: unknown): string {
  return error instanceof CallError ? error.sdkName : errorName(error);
}

// The SDK's commands are generic over five service-specific types; any of them is guarded alike.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the middleware does not read them
type AnyCommand = Command<any, any, any, any, any>;

export class AwsSession {
  readonly clients: Clients;
  private readonly limits = new Map<string, Limit>();
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(private readonly options: AwsOptions) {
    this.clients = createClients(options);
  }

  private limitFor(region: string): Limit {
    let limit = this.limits.get(region);
    if (limit === undefined) {
      limit = createLimit(this.options.concurrency ?? 8);
      this.limits.set(region, limit);
    }
    return limit;
  }

  /** The cached promise for `key`, fetched once. */
  once<T>(key: string, fetch: () => Promise<T>): Promise<T> {
    let found = this.cache.get(key) as Promise<T> | undefined;
    if (found === undefined) {
      found = fetch();
      this.cache.set(key, found);
    }
    return found;
  }

  has(key: string): boolean {
    return this.cache.has(key);
  }

  /** Remember an answer under `key`, unless one is there. */
  offer<T>(key: string, answer: Promise<T>): void {
    if (!this.cache.has(key)) this.cache.set(key, answer);
  }

  peek<T>(key: string): Promise<T> | undefined {
    return this.cache.get(key) as Promise<T> | undefined;
  }

  /** One call, within the region's bound; a failure becomes a CallError naming the IAM action sent. */
  async send<C extends AnyCommand, Out>(region: string, service: ServicePrefix, command: C, client: { send(command: C): Promise<Out> }): Promise<Out> {
    try {
      return await this.limitFor(region)(() => client.send(command));
    } catch (error) {
      throw this.mapped(error, region, service, command.constructor.name);
    }
  }

  /** A failure as a CallError naming the action (a CallError already is one). */
  mapped(error: unknown, region: string, service: ServicePrefix, commandName: string): CallError {
    if (error instanceof CallError) return error;
    return new CallError(toAwsError(error, service, commandName.replace(/Command$/, ""), region), errorName(error));
  }

  /**
   * Middleware for a command (the SDK's paginators take it through `withCommand`): the call waits for
   * a place in its region's bound, and a failure becomes a CallError naming the action.
   */
  guard(region: string, service: ServicePrefix): <C extends AnyCommand>(command: C) => C {
    return (command) => {
      command.middlewareStack.add(
        (next, context) => async (args) => {
          try {
            return await this.limitFor(region)(() => next(args));
          } catch (error) {
            throw this.mapped(error, region, service, String(context.commandName ?? command.constructor.name));
          }
        },
        { step: "initialize", name: "nspRegionBound" },
      );
      return command;
    };
  }
}
