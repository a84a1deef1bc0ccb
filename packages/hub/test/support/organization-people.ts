import { signIn, signedInAs, type SignedIn } from './accounts.js';
import type { TestHub } from './hub.js';
import { organizationId } from './writes.js';

/** Two demo organizations and the people the accounts' tests act as, signed in. */
export interface OrganizationPeople {
  club: string;
  town: string;
  clubOwner: SignedIn;
  /** Session cookies. */
  clubEditor: string;
  townOwner: string;
}

export async function signInOrganizationPeople(hub: TestHub): Promise<OrganizationPeople> {
  const db = hub.database.db;
  const club = await organizationId(hub, 'TSV Ochsenfurt 1862 e.V.');
  const town = await organizationId(hub, 'Gemeinde Eisingen – Bürgerbeteiligung (Beispiel)');
  return {
    club,
    town,
    clubOwner: await signIn(db, { email: 'vorstand@tsv.example', role: 'owner', organizationId: club }),
    clubEditor: await signedInAs(db, { email: 'redaktion@tsv.example', role: 'editor', organizationId: club }),
    townOwner: await signedInAs(db, { email: 'buergermeister@eisingen.example', role: 'owner', organizationId: town }),
  };
}
