import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifySignature } from "./verify-signature.ts";

const body = Buffer.from('{"webhookEvent":"jira:issue_updated"}');
const sign = (secret: string, payload: Buffer = body) =>
  `sha256=${createHmac("sha256", secret).update(payload).digest("hex")}`;

describe("verifySignature", () => {
  it("accepts Jira's sha256=<hex> of the raw body, in either letter case", () => {
    expect(verifySignature(body, sign("s3cret"), "s3cret")).toBe(true);
    expect(verifySignature(body, sign("s3cret").toUpperCase().replace("SHA256", "sha256"), "s3cret")).toBe(
      true,
    );
  });
  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["another secret", sign("other")],
    ["another body", sign("s3cret", Buffer.from("{}"))],
    ["sha1", `sha1=${createHmac("sha1", "s3cret").update(body).digest("hex")}`],
    ["truncated", sign("s3cret").slice(0, 40)],
    ["not hex", `sha256=${"z".repeat(64)}`],
  ])("refuses a signature that is %s", (_name, header) => {
    expect(verifySignature(body, header, "s3cret")).toBe(false);
  });
});
