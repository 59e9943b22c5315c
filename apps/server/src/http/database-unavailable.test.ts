import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./database-unavailable.ts";

const wrapped = (cause: unknown) => Object.assign(new Error("Failed query: select 1"), { cause });

describe("isDatabaseUnavailable", () => {
  it.each([
    [Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }), true],
    [
      wrapped(
        Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      ),
      true,
    ],
    [wrapped(new Error("Connection terminated unexpectedly")), true],
    [
      wrapped(
        Object.assign(new Error('database "x" is not currently accepting connections'), { code: "55000" }),
      ),
      true,
    ],
    [wrapped(Object.assign(new Error("the database system is starting up"), { code: "57P03" })), true],
    [wrapped(Object.assign(new Error("duplicate key value"), { code: "23505" })), false],
    [new TypeError("Cannot read properties of undefined"), false],
    ["a string", false],
  ])("%s → %s", (error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});
