/** A local SMTP server on 127.0.0.1 that keeps every message it accepts, for tests: the demo's outbox, with a login. */
import { startSmtpOutbox, type CapturedMail, type SmtpOutbox } from "../../demo/outbox";

export type { CapturedMail };
export type SmtpCapture = SmtpOutbox;

export const SMTP_USER = "mailer";
export const SMTP_PASS = "s3cret-pass";

/** Recipients in `reject` get a 550 at RCPT TO. */
export function startSmtpCapture(options: { reject?: string[] } = {}): Promise<SmtpCapture> {
  return startSmtpOutbox({ auth: { user: SMTP_USER, pass: SMTP_PASS }, reject: options.reject });
}
