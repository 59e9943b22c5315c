import { describe, expect, it } from "vitest";
import { DEFAULT_ADMIN, parseCliArgs } from "./cli-args.ts";

describe("parseCliArgs", () => {
  it("--deployment picks Cloud (default) or Data Center, and refuses anything else", () => {
    expect(parseCliArgs(["--deployment", "data-center"]).deployment).toBe("data-center");
    expect(parseCliArgs(["--deployment", "cloud"]).deployment).toBe("cloud");
    expect(() => parseCliArgs(["--deployment", "server"])).toThrow(/cloud or data-center/);
  });
  it("defaults: port 4010 on 127.0.0.1, demo, the default admin, no faults", () => {
    expect(parseCliArgs([])).toEqual({
      help: false,
      deployment: "cloud",
      port: 4010,
      host: "127.0.0.1",
      users: [DEFAULT_ADMIN],
      dataset: { name: "demo" },
      faults: { latencyMs: 0, jitterMs: 0, rateLimitPerSecond: 0 },
      tls: { kind: "none" },
    });
  });

  it("reads every flag of the documented command", () => {
    const argv = "--port 4011 --dataset demo --user ada@example.com:token123 --user b@x.io:t:with:colons";
    const more = "--seed 7 --issues 5000 --latency 100 --jitter 5 --rate-limit 20/s --host 0.0.0.0";
    expect(parseCliArgs([...argv.split(" "), ...more.split(" ")])).toEqual({
      help: false,
      deployment: "cloud",
      port: 4011,
      host: "0.0.0.0",
      users: [
        { email: "ada@example.com", token: "token123" },
        { email: "b@x.io", token: "t:with:colons" },
      ],
      dataset: { name: "demo", seed: "7", issues: 5000 },
      faults: { latencyMs: 100, jitterMs: 5, rateLimitPerSecond: 20 },
      tls: { kind: "none" },
    });
  });

  it("--seed or --issues without --dataset means a generated site", () => {
    expect(parseCliArgs(["--issues", "200000"]).dataset).toEqual({
      name: "generated",
      seed: 1,
      issues: 200_000,
    });
    expect(parseCliArgs(["--seed", "x"]).dataset).toEqual({ name: "generated", seed: "x", issues: 1000 });
    expect(parseCliArgs(["--dataset", "generated"]).dataset).toEqual({
      name: "generated",
      seed: 1,
      issues: 1000,
    });
    expect(parseCliArgs(["--dataset", "empty"]).dataset).toEqual({ name: "empty" });
    expect(parseCliArgs(["--rate-limit", "2.5"]).faults.rateLimitPerSecond).toBe(2.5);
    expect(parseCliArgs(["-h"]).help).toBe(true);
  });

  it("reads every fault flag; only the given ones are set", () => {
    const argv = [
      ...["--error-500-rate", "0.1", "--error-503-rate", "0.2", "--hang-rate", "0.3", "--reset-rate", "0.4"],
      ...[
        "--malformed-json-rate",
        "0.5",
        "--revoke",
        "a@x.io",
        "--revoke",
        "712020:abc",
        "--expire-page-tokens",
      ],
      ...["--delete-project-on-next-page", "AE", "--fault-path", "^/rest/api/3/search"],
    ];
    expect(parseCliArgs(argv).faults).toEqual({
      latencyMs: 0,
      jitterMs: 0,
      rateLimitPerSecond: 0,
      error500Rate: 0.1,
      error503Rate: 0.2,
      hangRate: 0.3,
      resetRate: 0.4,
      malformedJsonRate: 0.5,
      revokedUsers: ["a@x.io", "712020:abc"],
      expirePageTokens: true,
      deleteProjectOnNextPage: "AE",
      pathPattern: "^/rest/api/3/search",
    });
  });

  it.each([
    [["--hang-rate", "1.5"], /--hang-rate expects a probability from 0 to 1/],
    [["--fault-path", "("], /not a valid regular expression/],
    [["--port", "http"], /--port expects a whole number/],
    [["--issues", "200001"], /--issues expects a whole number from 0 to 200000/],
    [["--latency", "-1"], /--latency/],
    [["--rate-limit", "fast"], /--rate-limit expects N\/s/],
    [["--user", "ada"], /--user expects email:token/],
    [["--user", "ada@example.com:"], /--user expects email:token/],
    [["--dataset", "huge"], /--dataset expects demo, empty or generated/],
    [["--dataset", "empty", "--issues", "5"], /do not apply to --dataset empty/],
    [["--verbose"], /Unknown option '--verbose'/],
    [["--tls-cert", "c.pem"], /--tls-cert and --tls-key go together/],
    [["--https", "--tls-cert", "c.pem", "--tls-key", "k.pem"], /not both/],
    [["--base-url", "acme.atlassian.net"], /--base-url expects an http\(s\) URL/],
    [["--base-url", "ftp://acme"], /--base-url expects/],
    [["--time-zone", "Mars/Olympus"], /--time-zone expects an IANA time zone/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it("reads the HTTPS and base URL flags", () => {
    expect(parseCliArgs([]).tls).toEqual({ kind: "none" });
    expect(parseCliArgs([]).baseUrl).toBeUndefined();
    expect(parseCliArgs(["--https"]).tls).toEqual({ kind: "self-signed" });
    expect(parseCliArgs(["--tls-cert", "c.pem", "--tls-key", "k.pem"]).tls).toEqual({
      kind: "files",
      certFile: "c.pem",
      keyFile: "k.pem",
    });
    expect(parseCliArgs(["--base-url", "https://acme.atlassian.net/"]).baseUrl).toBe(
      "https://acme.atlassian.net",
    );
  });

  it("reads the server's time zone", () => {
    expect(parseCliArgs([]).timeZone).toBeUndefined();
    expect(parseCliArgs(["--time-zone", "Europe/Berlin"]).timeZone).toBe("Europe/Berlin");
  });
});
