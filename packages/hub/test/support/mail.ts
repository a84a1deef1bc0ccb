import assert from 'node:assert/strict';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope's recipients. */
  to: string[];
  /** The sender's address. */
  from: string;
  subject: string;
  text: string;
  replyTo: string | undefined;
  /** Files sent with the mail, their content as text (e.g. an .ics). */
  attachments: { filename: string; contentType: string; content: string }[];
}

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  field === undefined
    ? undefined
    : [field]
        .flat()
        .map((entry) => entry.text)
        .join(', ');

/** A real SMTP server on loopback that can refuse mail for a while (450: try again later). */
export class LocalSmtp {
  readonly mails: ReceivedMail[] = [];
  refusing = false;
  refused = 0;
  port = 0;
  #server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      if (this.refusing) {
        stream.resume();
        stream.on('end', () => {
          this.refused += 1;
          callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 450 }));
        });
        return;
      }
      simpleParser(stream).then(
        (parsed) => {
          this.mails.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            from: parsed.from?.value[0]?.address ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            replyTo: addresses(parsed.replyTo),
            attachments: parsed.attachments.map((file) => ({
              filename: file.filename ?? '',
              contentType: file.contentType,
              content: file.content.toString('utf8'),
            })),
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });

  async listen(port: number): Promise<void> {
    this.port = port;
    await new Promise<void>((resolve) => this.#server.listen(port, '127.0.0.1', resolve));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

/** Waits for what the Hub does in the background (its outbox, its jobs). */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
