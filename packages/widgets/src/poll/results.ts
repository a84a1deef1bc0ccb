import { msg, str } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { element } from '../core/element.js';
import type { Formats } from '../core/format.js';

export type Poll = Schema<'Poll'>;
export type PollResults = Schema<'PollResults'>;

/** When the poll opens or closes, in words: "Abstimmung bis 30. November 2026, 18:00 Uhr". */
export function statusLine(poll: Poll, format: Formats): string {
  const when = (value: string) => format.date(new Date(value), { dateStyle: 'long', timeStyle: 'short' });
  switch (poll.status) {
    case 'draft':
      return msg(str`Die Abstimmung beginnt am ${when(poll.opensAt)}.`);
    case 'open':
      return msg(str`Abstimmen bis ${when(poll.closesAt)}.`);
    default:
      return msg(str`Die Abstimmung ist beendet (${when(poll.closedAt ?? poll.closesAt)}).`);
  }
}

// A bar's length through the CSSOM, which a strict Content-Security-Policy allows (a style attribute it blocks).
const barLength = (share: number) => (bar: HTMLElement) => bar.style.setProperty('--_share', String(share));

/**
 * The results as a bar chart that reads as a list (each option with its votes and share in
 * words; the bars are decoration), and the same numbers as a table, by channel. Six columns
 * may not fit a narrow screen: the table then scrolls within its own named region, which the
 * keyboard can reach, never the page sideways (WCAG 1.4.10).
 */
export function resultsView(results: PollResults, format: Formats): TemplateResult {
  if (!results.visible || !results.options || !results.participants) {
    return html`<p part="results-hidden" class="note">${msg('Die Ergebnisse werden veröffentlicht, sobald die Abstimmung beendet ist.')}</p>`;
  }
  const percent = (share: number) => format.number(share, { style: 'percent', maximumFractionDigits: 1 });
  const { participants, options } = results;
  const inPerson = participants.inPerson + participants.postal;
  return html`<section part="results" class="results" aria-labelledby="results-heading">
    <h3 id="results-heading">${results.status === 'open' ? msg('Zwischenstand') : msg('Ergebnis')}</h3>
    <ul class="bars">
      ${options.map(
        (option) => html`<li>
          <span class="bar-label"><span dir="auto">${option.label}</span> <strong>${percent(option.share)}</strong></span>
          <span part="bar" class="bar" aria-hidden="true" ${element(barLength(option.share))}></span>
          <span class="bar-votes">${option.total === 1 ? msg('1 Stimme') : msg(str`${format.number(option.total)} Stimmen`)}</span>
        </li>`,
      )}
    </ul>
    <p class="participants">
      ${msg(str`${format.number(participants.total)} Teilnehmende`)}${
        inPerson
          ? ` (${msg(str`${format.number(participants.online)} online, ${format.number(inPerson)} vor Ort oder per Post`)})`
          : nothing
      }
    </p>
    <details>
      <summary id="table-summary">${msg('Als Tabelle')}</summary>
      <div class="table-scroll" role="region" aria-labelledby="results-heading table-summary" tabindex="0">
        <table part="results-table">
          <thead>
            <tr>
              <th scope="col">${msg('Antwort')}</th>
              <th scope="col">${msg('Online')}</th>
              <th scope="col">${msg('Vor Ort')}</th>
              <th scope="col">${msg('Per Post')}</th>
              <th scope="col">${msg('Gesamt')}</th>
              <th scope="col">${msg('Anteil')}</th>
            </tr>
          </thead>
          <tbody>
            ${options.map(
              (option) => html`<tr>
                <th scope="row">${option.label}</th>
                <td>${format.number(option.online)}</td>
                <td>${format.number(option.inPerson)}</td>
                <td>${format.number(option.postal)}</td>
                <td>${format.number(option.total)}</td>
                <td>${percent(option.share)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>
  </section>`;
}
