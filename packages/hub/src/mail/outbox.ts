import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { now } from '../clock.js';
import type { Database } from '../db/schema.js';
import { logDelivery, smtpDelivery, type Deliverer, type MailDelivery } from './delivery.js';
import { claimMails, deleteMail, insertMail, postponeMail, type DueMail } from './queries.js';
import type { MailLanguage, MailTemplate } from './template.js';
import { isMailKind, mailTemplates, type MailKind, type MailPayload } from './templates.js';

export type { MailDelivery } from './delivery.js';

export interface MailOptions {
  /** e.g. `smtp://user:password@mail.example.org:587` or `smtps://…` (nodemailer's URL form); without it mails go to the log. */
  smtpUrl?: string | undefined;
  /** Sender of the Hub's mails. */
  from?: string | undefined;
  /** Wait before the first retry; doubled per failed attempt up to `maxRetryDelayMs`. */
  retryDelayMs?: number | undefined;
  maxRetryDelayMs?: number | undefined;
  /** How often the outbox looks for due mails besides its kicks (default every minute). */
  intervalMs?: number | undefined;
  /** The Hub's origin as people reach it (`PUBLIC_URL`), for links made when a mail is sent. */
  publicUrl?: string | undefined;
}

export interface OutgoingMail<Kind extends MailKind> {
  kind: Kind;
  to: string;
  payload: MailPayload<Kind>;
  /** Default German. */
  language?: MailLanguage | undefined;
  /** The response the mail is about: deleting it deletes the pending mail. */
  volunteerResponseId?: string | undefined;
  /** The volunteer sign-up the mail is about (a reminder): deleting it deletes the pending mail. */
  volunteerSignupId?: string | undefined;
  /** Not sent before then (a reminder before a shift); default now, by the Hub's clock. */
  notBefore?: Date | undefined;
}

/**
 * Queues a mail; with a transaction as `db`, the mail exists exactly when what caused it does.
 * Returns the mail's id. Kick the outbox after the commit to send it at once.
 */
export async function enqueueMail<Kind extends MailKind>(db: Kysely<Database>, mail: OutgoingMail<Kind>): Promise<string> {
  return insertMail(db, {
    kind: mail.kind,
    recipient: mail.to,
    language: mail.language ?? 'de',
    payload: JSON.stringify(mail.payload),
    volunteer_response_id: mail.volunteerResponseId ?? null,
    volunteer_signup_id: mail.volunteerSignupId ?? null,
    next_attempt_at: mail.notBefore ?? now(),
    last_error: null,
  });
}

/** The Hub's outbox as the parts that send mail see it. */
export interface Outbox {
  /** 'log' without `SMTP_URL`: mails are written to the Hub's log (the sign-in page says so). */
  readonly delivery: MailDelivery;
  enqueue<Kind extends MailKind>(db: Kysely<Database>, mail: OutgoingMail<Kind>): Promise<string>;
  /** Sends what is due now, in the background; a call while sending makes one more round. */
  kick(): void;
}

/** Mails claimed by one Hub are left alone by others this long; a crashed Hub's claims expire. */
const CLAIM_SECONDS = 300;
const BATCH = 10;

/**
 * The one outbox for every e-mail of the Hub. Mails are sent apart from the request that queued
 * them, so a slow or broken mail server never delays or fails it. Failed mails stay and are retried
 * with growing waits; rows are claimed with `SKIP LOCKED`, so several Hubs on one database send
 * each mail once. Starts looking at once and then on its interval; `stop` before the database closes.
 */
export class MailOutbox implements Outbox {
  readonly #db: Kysely<Database>;
  readonly #deliverer: Deliverer;
  readonly #log: FastifyBaseLogger;
  readonly #retryDelayMs: number;
  readonly #maxRetryDelayMs: number;
  readonly #publicUrl: string;
  readonly #timers: NodeJS.Timeout[];
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;

  constructor(db: Kysely<Database>, options: MailOptions, log: FastifyBaseLogger) {
    this.#db = db;
    this.#log = log;
    this.#deliverer = options.smtpUrl
      ? smtpDelivery(options.smtpUrl, options.from ?? 'Smart Region Hub <hub@localhost>')
      : logDelivery(log);
    this.#retryDelayMs = options.retryDelayMs ?? 60_000;
    this.#maxRetryDelayMs = options.maxRetryDelayMs ?? 3_600_000;
    this.#publicUrl = options.publicUrl ?? 'http://localhost:8080';
    this.#timers = [setTimeout(() => this.kick(), 0), setInterval(() => this.kick(), options.intervalMs ?? 60_000)];
    // The outbox must not keep a process (a test, the CLI) alive.
    for (const timer of this.#timers) timer.unref();
  }

  get delivery(): MailDelivery {
    return this.#deliverer.mode;
  }

  enqueue<Kind extends MailKind>(db: Kysely<Database>, mail: OutgoingMail<Kind>): Promise<string> {
    return enqueueMail(db, mail);
  }

  kick(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#sendDue()
      .catch((error: unknown) => this.#log.warn({ error: errorCode(error) }, 'mail outbox not readable, retrying later'))
      .finally(() => {
        this.#running = undefined;
        if (this.#again) {
          this.#again = false;
          this.kick();
        }
      });
  }

  /** Resolves when no round is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** Stops looking for mail and waits for a running round; before the database closes. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const timer of this.#timers) clearInterval(timer);
    await this.idle();
    this.#deliverer.close();
  }

  async #sendDue(): Promise<void> {
    for (;;) {
      const due = await claimMails(this.#db, BATCH, CLAIM_SECONDS);
      for (const mail of due) await this.#send(mail);
      if (due.length < BATCH) return;
    }
  }

  async #send(mail: DueMail): Promise<void> {
    try {
      // A kind this Hub does not know (a newer Hub on the same database queued it) waits for one that does.
      if (!isMailKind(mail.kind)) throw Object.assign(new Error(`unknown kind ${mail.kind}`), { code: 'UNKNOWN-KIND' });
      const template = mailTemplates[mail.kind] as MailTemplate<unknown>;
      const rendered = await template.render(mail.payload, mail.language, {
        db: this.#db,
        volunteerResponseId: mail.volunteer_response_id,
        volunteerSignupId: mail.volunteer_signup_id,
        publicUrl: this.#publicUrl,
      });
      if (rendered) {
        await this.#deliverer.send({ ...rendered, kind: mail.kind, to: mail.recipient, personalData: template.personalData ?? false });
      }
      await deleteMail(this.#db, mail.id);
    } catch (error) {
      const delay = Math.min(this.#retryDelayMs * 2 ** (mail.attempts - 1), this.#maxRetryDelayMs);
      // The code only: a mail server's message may quote addresses.
      const code = errorCode(error);
      await postponeMail(this.#db, mail.id, new Date(now().getTime() + delay), code);
      this.#log.warn(
        { mailId: mail.id, kind: mail.kind, attempts: mail.attempts, error: code, retryInSeconds: Math.round(delay / 1000) },
        'e-mail not sent, will retry',
      );
    }
  }
}

function errorCode(error: unknown): string {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  return [typeof code === 'string' ? code : 'ERROR', typeof responseCode === 'number' ? responseCode : ''].filter(Boolean).join(' ');
}
