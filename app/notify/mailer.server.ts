/**
 * Outgoing email — the team's replies to hand-offs, and the one-time codes a guest needs to change
 * an order (app/chat/change-proof.ts) — through the SMTP server the deployment names:
 *
 *   SMTP_URL   smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465
 *   SMTP_FROM  the sender, e.g. "Example Shop Support <support@shop.example>"
 *
 * Without both, no email is sent: a reply still reaches the shopper in the chat bubble, but a
 * guest can't get a code, so only logged-in customers can change orders through the chat.
 * Credentials in SMTP_URL are never logged or shown to the merchant. The demo points SMTP_URL at a
 * local outbox (demo/outbox.ts).
 */
import nodemailer from "nodemailer";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  replyTo?: string;
}

export interface Mailer {
  /** Resolves once the SMTP server accepted the message; rejects otherwise. */
  send(message: MailMessage): Promise<void>;
}

export interface MailConfig {
  url: string;
  from: string;
}

export function readMailConfig(env: Record<string, string | undefined> = process.env): MailConfig | null {
  const url = env.SMTP_URL?.trim();
  const from = env.SMTP_FROM?.trim();
  if (!url || !from) return null;
  if (!/^smtps?:\/\/[^/]/i.test(url)) {
    console.warn("SMTP_URL must look like smtp://user:pass@host:port (or smtps://); not sending email");
    return null;
  }
  return { url, from };
}

/** Whether replies can be emailed. */
export function smtpConfigured(env: Record<string, string | undefined> = process.env): boolean {
  return readMailConfig(env) !== null;
}

export function createMailer(config: MailConfig): Mailer {
  // A reply is sent while the merchant waits for the page: fail in seconds, not minutes.
  const transport = nodemailer.createTransport({
    url: config.url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(message) {
      await transport.sendMail({
        from: config.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        replyTo: message.replyTo || undefined,
      });
    },
  };
}

let cached: { key: string; mailer: Mailer } | null = null;

/** The mailer SMTP_URL/SMTP_FROM describe (read at each call, so a changed environment applies), or null. */
export function mailerFromEnv(env: Record<string, string | undefined> = process.env): Mailer | null {
  const config = readMailConfig(env);
  if (!config) return null;
  const key = `${config.url}\n${config.from}`;
  if (cached?.key !== key) cached = { key, mailer: createMailer(config) };
  return cached.mailer;
}

/** An SMTP failure as the merchant may read it: no credentials, no stack. */
export function describeMailError(error: unknown): string {
  const e = error as { code?: string; responseCode?: number; message?: string };
  const detail = e?.responseCode
    ? `the mail server answered ${e.responseCode}`
    : e?.code
      ? `${e.code}`
      : "unknown error";
  return `The email could not be sent (${detail}).`;
}
