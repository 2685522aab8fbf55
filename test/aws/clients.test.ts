// The SDK clients: --profile reaches the credential chain and the region, the credential chain runs
// once for every client, and endpoint, retry mode and attempts are as asked. Nothing is sent.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClients } from "../../src/aws/clients.js";

const saved = { ...process.env };
let dir: string;
let counter: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nsp-aws-clients-"));
  counter = join(dir, "resolved");
  writeFileSync(counter, "");
  // A credential_process that counts its runs: each run is one resolution of the chain.
  const script = join(dir, "credentials.cjs");
  writeFileSync(
    script,
    `require("node:fs").appendFileSync(${JSON.stringify(counter)}, "x");\n` +
      `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: "AKIAIOSFODNN7EXAMPLE", SecretAccessKey: "not-a-real-secret" }));\n`,
  );
  writeFileSync(join(dir, "config"), `[profile counting]\nregion = eu-central-1\ncredential_process = "${process.execPath}" "${script}"\n`);
  process.env.AWS_CONFIG_FILE = join(dir, "config");
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, "no-credentials");
  for (const name of ["AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"]) delete process.env[name];
  process.env.AWS_EC2_METADATA_DISABLED = "true";
});

afterAll(() => {
  process.env = saved;
});

describe("createClients", () => {
  it("honours --profile for credentials and region, resolving credentials once for all clients", async () => {
    const clients = createClients({ profile: "counting" });
    const first = await clients.kms("us-east-1").config.credentials();
    expect(first.accessKeyId).toBe("AKIAIOSFODNN7EXAMPLE");
    await clients.neptune("eu-west-1").config.credentials();
    await clients.tagging("ap-south-1").config.credentials();
    await clients.sts("us-east-1").config.credentials();
    expect(readFileSync(counter, "utf8")).toBe("x");
    expect(await clients.defaultRegion()).toBe("eu-central-1");
  });

  it("keeps one client per service and region, shared by everyone with the same settings", () => {
    const clients = createClients({ profile: "counting" });
    expect(clients.neptune("us-east-1")).toBe(clients.neptune("us-east-1"));
    expect(clients.neptune("us-east-1")).not.toBe(clients.neptune("us-west-2"));
    expect(createClients({ profile: "counting" }).neptune("us-east-1")).toBe(clients.neptune("us-east-1"));
    expect(createClients({ profile: "counting", endpointUrl: "http://127.0.0.1:1" }).neptune("us-east-1")).not.toBe(clients.neptune("us-east-1"));
  });

  it("sends every service to --endpoint-url, retries adaptively, 5 attempts unless told", async () => {
    const clients = createClients({ endpointUrl: "http://127.0.0.1:4566", maxAttempts: 3 });
    for (const client of [clients.neptune("us-east-1"), clients.kms("us-east-1"), clients.tagging("us-east-1"), clients.sts("us-east-1")]) {
      expect(await client.config.endpoint!()).toMatchObject({ hostname: "127.0.0.1", port: 4566, protocol: "http:" });
      expect(client.config.retryMode).toBe("adaptive");
      expect(await client.config.maxAttempts()).toBe(3);
      expect(await client.config.region()).toBe("us-east-1");
    }
    expect(await createClients({}).kms("us-east-1").config.maxAttempts()).toBe(5);
    expect(await createClients({}).defaultRegion()).toBeUndefined();
  });
});
