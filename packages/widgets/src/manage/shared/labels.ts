import { msg } from '@lit/localize';
import type { Schema } from '@smart-region/sdk';

export type Role = Schema<'MemberRole'>;
export type Scope = Schema<'ApiKeyScope'>;

/** The roles as the owner chooses them, with what each may do in words a volunteer knows. */
export function roleChoices(): [Role, string, string][] {
  return [
    ['editor', msg('Redaktion'), msg('Veranstaltungen, Hilfsangebote, Ehrenamtsgesuche und Umfragen bearbeiten.')],
    ['coordinator', msg('Koordination'), msg('Wie Redaktion, dazu die Rückmeldungen von Freiwilligen und die Teilnahmecodes.')],
    ['owner', msg('Verwaltung'), msg('Alles, auch Mitglieder und API-Schlüssel.')],
  ];
}

export function roleLabel(role: Role): string {
  return roleChoices().find(([value]) => value === role)?.[1] ?? role;
}

/** What a key may do, in the order of the role table. */
export function scopeChoices(): [Scope, string][] {
  return [
    ['events:write', msg('Veranstaltungen bearbeiten')],
    ['help-offers:write', msg('Hilfsangebote bearbeiten')],
    ['volunteer-needs:write', msg('Ehrenamtsgesuche bearbeiten')],
    ['polls:write', msg('Umfragen bearbeiten')],
    ['volunteer-responses:manage', msg('Rückmeldungen von Freiwilligen lesen (personenbezogene Daten)')],
    ['poll-codes:manage', msg('Teilnahmecodes und Auszählungen von Umfragen')],
    ['organization:write', msg('Angaben zur Organisation ändern')],
  ];
}

export function scopeLabel(scope: Scope): string {
  return scopeChoices().find(([value]) => value === scope)?.[1] ?? scope;
}

export function kindChoices(): [Schema<'OrganizationKind'>, string][] {
  return [
    ['club', msg('Verein')],
    ['initiative', msg('Bürgerinitiative')],
    ['self-help', msg('Selbsthilfegruppe')],
    ['welfare', msg('Wohlfahrtsverband oder Beratungsstelle')],
    ['church', msg('Kirche oder Pfarrei')],
    ['municipality', msg('Gemeinde- oder Stadtverwaltung')],
    ['public-body', msg('Andere öffentliche Stelle')],
    ['company', msg('Unternehmen')],
  ];
}

export function statusLabel(status: Schema<'OrganizationStatus'>): string {
  return { pending: msg('wartet auf Freigabe'), approved: msg('freigegeben'), rejected: msg('abgelehnt') }[status];
}
