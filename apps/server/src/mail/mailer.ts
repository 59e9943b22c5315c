import { createTransport } from "nodemailer";

/** One plain-text e-mail. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail; Goalpost has one only when `SMTP_URL` is configured. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * A mailer over SMTP (`smtp://user:password@host:587`, `smtps://…`), sending from `from`. Connections are
 * opened per message (invites are rare) and time out quickly so a dead server cannot hold a request.
 */
export function createSmtpMailer(config: { url: string; from: string }): Mailer {
  const transport = createTransport(config.url, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 15_000,
  });
  return {
    async send(message) {
      await transport.sendMail({ from: config.from, ...message });
    },
  };
}
