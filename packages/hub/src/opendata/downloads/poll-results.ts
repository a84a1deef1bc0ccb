import { closingTime, toPoll } from '../../polls/model.js';
import { listPolls } from '../../polls/queries.js';
import { computeResults, publiclyVisible } from '../../polls/results.js';
import { everyPage, type DatasetTable, type ReadTable } from './table.js';

const columns = [
  'id',
  'pollId',
  'question',
  'organizationId',
  'organization',
  'municipalityId',
  'participation',
  'opensAt',
  'closedAt',
  'optionId',
  'option',
  'online',
  'codes',
  'inPerson',
  'postal',
  'total',
  'share',
  'isExample',
] as const;

/**
 * One row per option of each closed poll whose results the public sees, counted by channel as
 * `GET /polls/{id}/results` counts them (meetings' and postal tallies included). The votes cast
 * online are `codes` in a poll that takes participation codes, `online` in an open one.
 */
export const readPollResults: ReadTable = async (db, now): Promise<DatasetTable<(typeof columns)[number]>> => {
  const closed = await everyPage((paging) => listPolls(db, { status: ['closed'] }, paging, now));
  const polls = closed.filter((row) => publiclyVisible(row, now));
  const entries = [];
  for (const row of polls) {
    const poll = toPoll(row, now);
    const results = await computeResults(db, row, now);
    const byCode = poll.participation === 'codes';
    for (const option of results.options ?? []) {
      const id = `${poll.id}/${option.optionId}`;
      entries.push({
        id,
        fields: {
          id,
          pollId: poll.id,
          question: poll.question,
          organizationId: poll.organizer.organizationId,
          organization: poll.organizer.name,
          municipalityId: poll.municipalityId,
          participation: poll.participation,
          opensAt: poll.opensAt,
          closedAt: closingTime(row).toISOString(),
          optionId: option.optionId,
          option: option.label,
          online: byCode ? 0 : option.online,
          codes: byCode ? option.online : 0,
          inPerson: option.inPerson,
          postal: option.postal,
          total: option.total,
          share: option.share,
          isExample: poll.isExample,
        },
        places: [],
      });
    }
  }
  return { columns, entries };
};
