import assert from 'node:assert/strict';
import type { HubOptions } from '../../src/app.js';
import { startTestHub, type TestHub } from './hub.js';
import { eventually, LocalSmtp, type ReceivedMail } from './mail.js';
import { freePort } from './ports.js';

/**
 * A test Hub that sends its mails to a real SMTP server on loopback, with the public origin
 * `publicUrl`: links in mails point there (never to the address a request came to), and a test
 * follows them on the test Hub by their path.
 */
export interface MailedHub {
  hub: TestHub;
  smtp: LocalSmtp;
  publicUrl: string;
  /** Waits for the next mail to `address` after the ones already seen, and returns it. */
  nextMailTo(address: string): Promise<ReceivedMail>;
  /** The link in `mail` that starts with `<publicUrl><path>`, as a URL on the test Hub. */
  linkIn(mail: ReceivedMail, path: string): URL;
  close(): Promise<void>;
}

export async function startMailedHub(options: Partial<Omit<HubOptions, 'database'>> = {}): Promise<MailedHub> {
  const smtpPort = await freePort();
  const smtp = new LocalSmtp();
  await smtp.listen(smtpPort);
  const publicUrl = 'https://hub.smart-region.example';
  const hub = await startTestHub({
    mail: { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, from: 'Hub <hub@example.org>', intervalMs: 100, retryDelayMs: 100 },
    publicUrl,
    ...options,
  });
  const seen = new Map<string, number>();
  return {
    hub,
    smtp,
    publicUrl,
    async nextMailTo(address) {
      const key = address.toLowerCase();
      const mailsTo = () => smtp.mails.filter((mail) => mail.to.some((to) => to.toLowerCase() === key));
      const already = seen.get(key) ?? 0;
      await eventually(`a mail to ${address}`, () => mailsTo().length > already);
      seen.set(key, already + 1);
      return mailsTo()[already]!;
    },
    linkIn(mail, path) {
      const escaped = `${publicUrl}${path}`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      const found = new RegExp(`${escaped}\\S*`).exec(mail.text);
      assert.ok(found, `a link to ${path} in: ${mail.text}`);
      const link = new URL(found[0]);
      return new URL(`${link.pathname}${link.search}`, hub.baseUrl);
    },
    async close() {
      await hub.close();
      await smtp.close();
    },
  };
}
