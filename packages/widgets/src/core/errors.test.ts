import { expect } from '@open-wc/testing';
import { HubError } from '@smart-region/sdk';
import { hubError } from '../../../../stories/support/fixture-client.js';
import { developerMessage, errorMessage, isAbort } from './errors.js';
import { formats } from './format.js';

const german = formats('de');

describe('errorMessage', () => {
  it('tells an unreachable Hub from a server error, in German by default', () => {
    expect(errorMessage(hubError(0), german)).to.deep.equal({
      title: 'Die Daten sind gerade nicht erreichbar.',
      detail: 'Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
      canRetry: true,
    });
    expect(errorMessage(hubError(500), german).title).to.equal('Beim Server ist ein Fehler aufgetreten.');
    expect(errorMessage(hubError(502), german).title).to.equal('Beim Server ist ein Fehler aufgetreten.');
  });

  it('says "not found" for 404', () => {
    expect(errorMessage(hubError(404), german).title).to.equal('Die Daten wurden nicht gefunden.');
  });

  it('asks to try again later when the Hub is busy, with the wait it asked for', () => {
    expect(errorMessage(hubError(429, 30), german)).to.deep.include({
      title: 'Der Dienst ist gerade stark ausgelastet.',
      detail: 'Bitte versuchen Sie es in 30 Sekunden erneut.',
    });
    expect(errorMessage(hubError(503), german).detail).to.equal('Bitte versuchen Sie es in einem Moment erneut.');
  });

  it('never shows the Hub’s technical English to readers', () => {
    const problem = new HubError({
      status: 400,
      type: '/problems/invalid-request',
      title: 'Invalid request',
      detail: 'limit must be <= 100',
    });
    const message = errorMessage(problem, german);
    expect(message.title).to.equal('Die Anfrage konnte nicht bearbeitet werden.');
    expect(JSON.stringify(message)).not.to.include('limit');
  });

  it('has a message for failures that are not the Hub’s', () => {
    expect(errorMessage(new TypeError('x is undefined'), german).title).to.equal('Etwas ist schiefgelaufen.');
  });
});

describe('developerMessage', () => {
  it('names hub-url and what to check', () => {
    expect(developerMessage(hubError(0), 'http://127.0.0.1:9'))
      .to.include('could not reach the Hub at hub-url="http://127.0.0.1:9"')
      .and.include('CORS');
    expect(developerMessage(hubError(404), 'https://example.org'))
      .to.include('answered 404')
      .and.include("Check that hub-url is the Hub's address");
  });

  it('passes the Hub’s problem on to the developer', () => {
    const problem = new HubError({
      status: 400,
      type: '/problems/invalid-request',
      title: 'Invalid request',
      detail: 'limit must be <= 100',
    });
    expect(developerMessage(problem, undefined)).to.equal('the Hub answered 400: Invalid request limit must be <= 100');
  });
});

describe('isAbort', () => {
  it('recognises an aborted request', () => {
    const controller = new AbortController();
    controller.abort();
    expect(isAbort(controller.signal.reason)).to.equal(true);
    expect(isAbort(hubError(0))).to.equal(false);
  });
});
