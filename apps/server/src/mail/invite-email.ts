import type { MailMessage } from "./mailer.ts";

/** The invitation e-mail: who invites, to which organisation, the link and when it expires. */
export function inviteEmail(input: {
  to: string;
  inviterName: string;
  orgName: string;
  url: string;
  expiresAt: Date;
}): MailMessage {
  return {
    to: input.to,
    subject: `${input.inviterName} invites you to ${input.orgName} on Goalpost`,
    text: [
      `${input.inviterName} invites you to join ${input.orgName} on Goalpost, where its objectives and key results are tracked.`,
      "",
      `Accept the invitation: ${input.url}`,
      "",
      `The link works once and expires on ${input.expiresAt.toUTCString()}. If you did not expect it, ignore this e-mail.`,
    ].join("\n"),
  };
}
