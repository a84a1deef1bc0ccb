import { msg } from '@lit/localize';

/**
 * What an entry's action (the contract's operationId) means, in words; `undefined` for one this
 * list does not know yet (the screen then shows the operationId itself).
 */
export function actionLabel(action: string): string | undefined {
  const labels: Record<string, string> = {
    createOrganization: msg('Organisation angelegt'),
    updateOrganization: msg('Angaben zur Organisation geändert'),
    createEvent: msg('Veranstaltung angelegt'),
    importCalendar: msg('Kalender importiert'),
    updateEvent: msg('Veranstaltung geändert'),
    deleteEvent: msg('Veranstaltung gelöscht'),
    createHelpOffer: msg('Hilfsangebot angelegt'),
    updateHelpOffer: msg('Hilfsangebot geändert'),
    deleteHelpOffer: msg('Hilfsangebot gelöscht'),
    createPoll: msg('Umfrage angelegt'),
    updatePoll: msg('Umfrage geändert'),
    createPollCodes: msg('Teilnahmecodes erzeugt'),
    createPollTally: msg('Auszählung eingetragen'),
    updatePollTally: msg('Auszählung geändert'),
    createVolunteerNeed: msg('Ehrenamtsgesuch angelegt'),
    updateVolunteerNeed: msg('Ehrenamtsgesuch geändert'),
    deleteVolunteerNeed: msg('Ehrenamtsgesuch gelöscht'),
    listVolunteerResponses: msg('Rückmeldungen von Freiwilligen gelesen'),
    updateVolunteerResponse: msg('Rückmeldung einer Freiwilligen bearbeitet'),
    createSession: msg('Angemeldet'),
    deleteCurrentSession: msg('Abgemeldet'),
    deleteMySessions: msg('Überall abgemeldet'),
    deleteMySession: msg('Eine Anmeldung beendet'),
    updateMe: msg('Eigenen Namen geändert'),
    registerOrganization: msg('Organisation registriert'),
    decideOrganizationRegistration: msg('Über Registrierung entschieden'),
    updateMember: msg('Rolle geändert'),
    removeMember: msg('Mitglied entfernt'),
    createInvitation: msg('Person eingeladen'),
    revokeInvitation: msg('Einladung zurückgezogen'),
    resendInvitation: msg('Einladung erneut gesendet'),
    acceptInvitation: msg('Einladung angenommen'),
    createApiKey: msg('API-Schlüssel erstellt'),
    revokeApiKey: msg('API-Schlüssel widerrufen'),
  };
  return labels[action];
}

/** What kind of thing an entry concerns (`resourceType`), in words; the type itself when unknown. */
export function resourceLabel(type: string): string {
  const labels: Record<string, string> = {
    organization: msg('Organisation'),
    event: msg('Veranstaltung'),
    'help-offer': msg('Hilfsangebot'),
    poll: msg('Umfrage'),
    tally: msg('Auszählung'),
    code: msg('Teilnahmecodes'),
    'calendar-import': msg('Kalenderimport'),
    'volunteer-need': msg('Ehrenamtsgesuch'),
    'volunteer-response': msg('Rückmeldung'),
    person: msg('Person'),
    invitation: msg('Einladung'),
    'api-key': msg('API-Schlüssel'),
    session: msg('Anmeldung'),
  };
  return labels[type] ?? type;
}
