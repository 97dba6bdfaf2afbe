/** E-mail over SMTP with nodemailer, from SMTP_URL (e.g. smtp://user:pass@mail.example:587). */
import { createTransport } from 'nodemailer';
import type { Config } from '../../config.ts';
import { type Sender, errorText } from './types.ts';

export type EmailChannel = { send: Sender; close(): void };

/** Null when SMTP_URL is not set: the channel is off. */
export function emailChannel(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>): EmailChannel | null {
  if (!config.SMTP_URL) return null;
  const transport = createTransport(
    // Bounded waits: a dead mail server must fail the attempt well inside the claim's lease.
    { url: config.SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from: config.MAIL_FROM },
  );
  return {
    async send(row, message) {
      if (!message) return { kind: 'off', reason: 'no message to send' };
      try {
        await transport.sendMail({ to: row.recipient, subject: message.subject, text: message.text });
        return { kind: 'sent', statusCode: null };
      } catch (err) {
        const code = (err as { responseCode?: unknown }).responseCode;
        return { kind: 'failed', statusCode: typeof code === 'number' ? code : null, error: errorText(err) };
      }
    },
    close: () => transport.close(),
  };
}
