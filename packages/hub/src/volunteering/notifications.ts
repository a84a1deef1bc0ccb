import type { FastifyBaseLogger } from 'fastify';
import type { Kysely, Selectable } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database, VolunteerResponseTable } from '../db/schema.js';
import { berlinDateTime } from '../http/text.js';
import { claimNotifications, deleteNotification, findResponseForMail, postponeNotification, type DueNotification } from './queries.js';

export interface MailOptions {
  /** e.g. `smtp://user:password@mail.example.org:587` or `smtps://…` (nodemailer's URL form). */
  smtpUrl: string;
  /** Sender of the notifications, e.g. `Smart Region Hub <hub@example.org>`. */
  from: string;
  /** Wait before the first retry; doubled per failed attempt up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}

/** Mails claimed by one Hub are left alone by others this long; a crashed Hub's claims expire. */
const CLAIM_SECONDS = 300;
const BATCH = 10;

/**
 * The outbox of e-mails about new responses. A response and its outbox row are written in one
 * transaction; this sends them apart from the request, so a slow or broken mail server never
 * delays or fails a citizen's response. Failed mails stay and are retried with growing waits;
 * rows are claimed with `SKIP LOCKED`, so several Hubs on one database send each mail once.
 */
export class ResponseMailer {
  readonly #db: Kysely<Database>;
  readonly #transport: Transporter;
  readonly #options: Required<MailOptions>;
  readonly #log: FastifyBaseLogger;
  readonly #retentionDays: number;
  #running: Promise<void> | undefined;
  #again = false;

  constructor(db: Kysely<Database>, options: MailOptions, retentionDays: number, log: FastifyBaseLogger) {
    this.#db = db;
    this.#options = { retryDelayMs: 60_000, maxRetryDelayMs: 3_600_000, ...options };
    this.#transport = nodemailer.createTransport(options.smtpUrl);
    this.#retentionDays = retentionDays;
    this.#log = log;
  }

  /** Sends what is due now, in the background; a call while sending makes one more round. */
  kick(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#sendDue()
      .catch((error: unknown) =>
        this.#log.warn({ error: errorCode(error) }, 'volunteer notifications: outbox not readable, retrying later'),
      )
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

  close(): void {
    this.#transport.close();
  }

  async #sendDue(): Promise<void> {
    for (;;) {
      const due = await this.#claim();
      for (const notification of due) await this.#send(notification);
      if (due.length < BATCH) return;
    }
  }

  async #claim(): Promise<DueNotification[]> {
    return claimNotifications(this.#db, BATCH, CLAIM_SECONDS);
  }

  async #send({ response_id: responseId, attempts }: DueNotification): Promise<void> {
    const row = await findResponseForMail(this.#db, responseId);
    const done = () => deleteNotification(this.#db, responseId);
    // Purged or deleted with its need meanwhile (the row went with it), or nobody to tell.
    if (!row) return;
    if (row.organization_email === null) {
      await done();
      return;
    }
    try {
      await this.#transport.sendMail({
        from: this.#options.from,
        to: row.organization_email,
        ...(row.email ? { replyTo: { name: row.name, address: row.email } } : {}),
        subject: `Neue Rückmeldung: ${row.title}`,
        text: mailText(row, this.#retentionDays),
      });
      await done();
    } catch (error) {
      const delay = Math.min(this.#options.retryDelayMs * 2 ** (attempts - 1), this.#options.maxRetryDelayMs);
      // The code only: a mail server's message may quote addresses.
      const code = errorCode(error);
      await postponeNotification(this.#db, responseId, new Date(Date.now() + delay), code);
      this.#log.warn(
        { responseId, attempts, error: code, retryInSeconds: Math.round(delay / 1000) },
        'volunteer notification not sent, will retry',
      );
    }
  }
}

function errorCode(error: unknown): string {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  return [typeof code === 'string' ? code : 'ERROR', typeof responseCode === 'number' ? responseCode : ''].filter(Boolean).join(' ');
}

/** A response as the e-mail to its organization tells it, with its need's title. */
type MailRow = Pick<
  Selectable<VolunteerResponseTable>,
  'name' | 'email' | 'phone' | 'message' | 'privacy_notice_url' | 'privacy_notice_version' | 'created_at'
> & { title: string; organization_id: string };

function mailText(row: MailRow, retentionDays: number): string {
  return [
    'Guten Tag,',
    '',
    `auf Ihren Aufruf „${row.title}“ hat sich jemand gemeldet:`,
    '',
    `Name:     ${row.name}`,
    ...(row.email ? [`E-Mail:   ${row.email}`] : []),
    ...(row.phone ? [`Telefon:  ${row.phone}`] : []),
    ...(row.message ? ['', 'Nachricht:', row.message] : []),
    '',
    `Eingegangen am ${berlinDateTime.format(row.created_at)} (Europe/Berlin). Die Person hat der Datenschutzerklärung`,
    `${row.privacy_notice_url} (Version ${row.privacy_notice_version}) zugestimmt.`,
    '',
    'Alle Rückmeldungen mit dem Schlüssel Ihrer Organisation:',
    `GET /organizations/${row.organization_id}/volunteer-responses (auch als CSV).`,
    `Der Hub löscht Rückmeldungen ${retentionDays} Tage nach dem Ende des Aufrufs automatisch.`,
  ].join('\n');
}
