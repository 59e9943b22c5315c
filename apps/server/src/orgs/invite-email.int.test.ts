import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Goalpost } from "../start-goalpost.ts";
import { type HttpSession, signUpWithOrg } from "../testing/http-session.ts";
import { startTestGoalpost } from "../testing/start-test-goalpost.ts";
import { TEST_ENGINES } from "../testing/test-database.ts";

/** A real SMTP server on a free loopback port that keeps what it receives. */
async function startSmtpServer(): Promise<{
  url: string;
  received: { to: string[]; raw: string }[];
  close(): Promise<void>;
}> {
  const received: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((address) => address.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(TEST_ENGINES)("invites by e-mail on %s", (engine) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let withMail: Goalpost;
  let withoutMail: Goalpost;
  let ada: HttpSession;
  let orgId: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    withMail = await startTestGoalpost(engine, {
      SMTP_URL: smtp.url,
      SMTP_FROM: "Goalpost <no-reply@acme.test>",
    });
    withoutMail = await startTestGoalpost(engine);
    ({ session: ada, orgId } = await signUpWithOrg(withMail.app, {
      name: "Ada Lovelace",
      email: "ada@acme.test",
      orgName: "Acme",
    }));
  });
  afterAll(async () => {
    await withMail?.close();
    await withoutMail?.close();
    await smtp?.close();
  });

  it("sends the invite link to the address when SMTP_URL is configured", async () => {
    const created = await ada.post(`/api/v1/orgs/${orgId}/invites`, {
      role: "member",
      email: "Grace@Acme.test",
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ email: "grace@acme.test", emailed: true });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.to).toEqual(["grace@acme.test"]);
    const raw = (mail?.raw ?? "").replace(/=\r?\n/g, "");
    expect(raw).toContain("Ada Lovelace invites you to Acme on Goalpost");
    expect(raw).toContain("no-reply@acme.test");
    expect(raw).toContain(created.json().url);
  });

  it("still gives the link (and sends nothing) without an address", async () => {
    const created = await ada.post(`/api/v1/orgs/${orgId}/invites`, { role: "member" });
    expect(created.json()).toMatchObject({ emailed: false, url: expect.stringContaining("/invite/") });
    expect(smtp.received).toHaveLength(1);
  });

  it("keeps invite links working without SMTP", async () => {
    const { session, orgId: otherOrg } = await signUpWithOrg(withoutMail.app, {
      name: "Bo",
      email: "bo@b.test",
      orgName: "B",
    });
    const created = await session.post(`/api/v1/orgs/${otherOrg}/invites`, {
      role: "member",
      email: "x@b.test",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ emailed: false, url: expect.stringContaining("/invite/") });
  });
});
