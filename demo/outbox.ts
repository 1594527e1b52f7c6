/**
 * The demo's outbox: an SMTP server on loopback (smtp-server) that keeps every message the app
 * sends — one-time codes for order changes, the team's replies to hand-offs — and a page that
 * shows them, so the whole flow works offline. The app sends through its real mailer
 * (app/notify/mailer.server.ts, nodemailer) to SMTP_URL, exactly as in production.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { escapeHtml } from "../app/storefront/render-block.server";

export interface CapturedMail {
  from: string;
  to: string[];
  user: string | undefined;
  raw: string;
  receivedAt: Date;
  header(name: string): string | undefined;
  /** The text body, quoted-printable decoded. */
  text: string;
}

export interface SmtpOutbox {
  /** smtp://… to give the app as SMTP_URL. */
  url: string;
  mails: CapturedMail[];
  close(): Promise<void>;
}

export interface OutboxOptions {
  /** Require these credentials (tests of the mailer's login); none by default. */
  auth?: { user: string; pass: string };
  /** Recipients that get a 550 at RCPT TO. */
  reject?: string[];
}

export async function startSmtpOutbox(options: OutboxOptions = {}): Promise<SmtpOutbox> {
  const mails: CapturedMail[] = [];
  const server = new SMTPServer({
    logger: false,
    disabledCommands: options.auth ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    allowInsecureAuth: true,
    authOptional: !options.auth,
    authMethods: ["PLAIN", "LOGIN"],
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass)
        callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onRcptTo(address, _session, callback) {
      if (options.reject?.includes(address.address))
        callback(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        mails.push(
          parseMail(
            raw,
            from,
            session.envelope.rcptTo.map((r) => r.address),
            session.user as string | undefined,
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  const credentials = options.auth ? `${options.auth.user}:${options.auth.pass}@` : "";
  return {
    url: `smtp://${credentials}127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function parseMail(raw: string, from: string, to: string[], user: string | undefined): CapturedMail {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const qp = /quoted-printable/i.test(headers.get("content-transfer-encoding") ?? "");
  const text = qp
    ? Buffer.from(
        body
          .replace(/=\r?\n/g, "")
          .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        "latin1",
      ).toString("utf8")
    : body;
  return {
    from,
    to,
    user,
    raw,
    receivedAt: new Date(),
    header: (name) => headers.get(name.toLowerCase()),
    text: text
      .replace(/\r\n/g, "\n")
      .replace(/\n\.\n?$/, "")
      .trimEnd(),
  };
}

/** "=?UTF-8?Q?…?=" and "=?UTF-8?B?…?=" header words, decoded. */
function decodeHeader(value: string | undefined): string {
  return (value ?? "").replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, data: string) =>
    encoding.toLowerCase() === "b"
      ? Buffer.from(data, "base64").toString("utf8")
      : Buffer.from(
          data
            .replace(/_/g, " ")
            .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

/** The outbox page: newest message first, everything escaped. */
export function renderOutboxPage(shopName: string, mails: CapturedMail[]): string {
  const items = [...mails]
    .reverse()
    .map(
      (mail) => `<article>
  <header><strong>${escapeHtml(decodeHeader(mail.header("subject")))}</strong><br>
  To ${escapeHtml(mail.to.join(", "))} · from ${escapeHtml(mail.from)} · ${escapeHtml(mail.receivedAt.toISOString().replace("T", " ").slice(0, 19))} UTC</header>
  <pre>${escapeHtml(mail.text)}</pre>
</article>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Outbox · ${escapeHtml(shopName)} demo</title>
<meta http-equiv="refresh" content="10">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:760px;margin:2rem auto;padding:0 1rem}article{border:1px solid #ddd;border-radius:8px;padding:.75rem 1rem;margin:1rem 0}pre{white-space:pre-wrap;font:inherit}</style>
</head>
<body>
<h1>Outbox</h1>
<p>Every email the app sent in this demo (one-time codes for order changes, replies to hand-offs). Nothing leaves this machine. <a href="/">Back to the shop</a></p>
${items || "<p><em>No email sent yet.</em></p>"}
</body>
</html>`;
}
