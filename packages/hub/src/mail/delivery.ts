import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { RenderedMail } from './template.js';

/** How the Hub delivers its mail: over a mail server, or (no `SMTP_URL`: the local try) into its own log. */
export type MailDelivery = 'smtp' | 'log';

export interface Letter extends RenderedMail {
  kind: string;
  to: string;
  personalData: boolean;
}

export interface Deliverer {
  readonly mode: MailDelivery;
  /** Resolves once the mail is handed over; throws when it was not (the outbox retries). */
  send(letter: Letter): Promise<void>;
  close(): void;
}

/** Over SMTP, as nodemailer reads the URL (`smtp://user:password@host:587`, `smtps://…`). */
export function smtpDelivery(smtpUrl: string, from: string): Deliverer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    mode: 'smtp',
    async send({ to, subject, text, replyTo, attachments }) {
      await transport.sendMail({ from, to, subject, text, ...(replyTo ? { replyTo } : {}), ...(attachments ? { attachments } : {}) });
    },
    close: () => transport.close(),
  };
}

/**
 * Into the Hub's log, one line per mail, so that a fresh `npm start` can sign in without a mail
 * server. The only place where the Hub logs e-mail addresses. A text with citizens' personal data
 * is left out: the log is no place for it, and so are attachments.
 */
export function logDelivery(log: FastifyBaseLogger): Deliverer {
  return {
    mode: 'log',
    async send({ kind, to, subject, text, personalData }) {
      log.info(
        { mail: { kind, to, subject, text: personalData ? '(personal data: only sent by e-mail, set SMTP_URL)' : text } },
        'e-mail written to the log: no SMTP_URL set',
      );
    },
    close: () => {},
  };
}
