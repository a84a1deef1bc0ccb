import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sortKey } from '../src/http/text.js';
import { otherPeople } from '../src/help/people.js';
import { phraseTopics } from '../src/help/phrases.js';
import { verbForms } from '../src/help/verbs.js';

const folded = (text: string) => text.split(/\s+/).map(sortKey);
const isCrisis = (text: string) => phraseTopics([folded(text)]).includes('krise-suizid');

describe('help search words: crisis phrases, verb forms, people named', () => {
  test('crisis phrases are recognised in the variants people type', () => {
    for (const text of [
      'ich will nicht mehr',
      'Ich kann einfach nicht mehr',
      'ich mag echt nicht mehr',
      'will nicht mehr leben',
      'ich möchte nicht mehr aufwachen',
      'ich bringe mich um',
      'ich halte das alles nicht mehr aus',
      'ich will einfach nur noch sterben',
      'ich wäre lieber tot',
      'ich sehe keinen Ausweg mehr',
      'ich weiß nicht mehr weiter',
      'ich will mir das Leben nehmen',
      'keine Hoffnung mehr',
    ]) {
      assert.ok(isCrisis(text), text);
    }
  });

  test('sentences that only share words with a crisis phrase are none', () => {
    for (const text of [
      'ich will nicht mehr trinken',
      'nicht mehr mobil',
      'Oma kann nicht mehr allein einkaufen',
      'ich kann nicht mehr laufen',
      'mehr Zeit für die Familie',
      'ich will mehr wissen',
    ]) {
      assert.ok(!isCrisis(text), text);
    }
  });

  test('the other phrases of the topics are found as words in order', () => {
    assert.deepEqual(phraseTopics([folded('wir haben keine Wohnung')]), ['wohnen']);
    assert.deepEqual(phraseTopics([folded('wir haben keine eigene Wohnung')]), ['wohnen'], 'a word may stand between');
    assert.deepEqual(phraseTopics([folded('keiner hört mir zu')]), ['einsamkeit'], 'a separable verb around its object');
    assert.deepEqual(phraseTopics([folded('Wohnung keine')]), []);
  });

  test('verb forms: regular by rule, strong and separable ones as listed', () => {
    assert.deepEqual(verbForms('kiffen'), ['kiffe', 'kiffst', 'kifft', 'kiffen', 'kiffte', 'kifften', 'gekifft']);
    assert.ok(verbForms('saufen').includes('säuft') && verbForms('saufen').includes('gesoffen'));
    assert.ok(verbForms('trinken').includes('trinkt') && verbForms('trinken').includes('getrunken'));
    assert.ok(verbForms('hungern').includes('hungert'));
    assert.ok(verbForms('ritzen').includes('ritzt') && verbForms('ritzen').includes('geritzt'));
    assert.ok(verbForms('reden').includes('redet'));
    assert.ok(verbForms('belästigen').includes('belästigt'), 'no ge- after an inseparable prefix');
    assert.ok(verbForms('fremdgehen').includes('geht fremd'));
  });

  test('a person after a possessive is someone other than the reader', () => {
    const husband = otherPeople(folded('mein Mann schlägt mich'));
    assert.deepEqual([...husband.positions], [1]);
    assert.deepEqual(husband.audiences, ['men']);
    assert.equal(husband.readerIsRelative, false, 'it happens to the reader');
    const son = otherPeople(folded('unser Sohn kifft'));
    assert.deepEqual(son.audiences, ['children', 'youth']);
    assert.equal(son.readerIsRelative, true);
    assert.equal(otherPeople(folded('Beratung für Männer')).positions.size, 0);
    assert.equal(otherPeople(folded('Frauen Gewalt')).positions.size, 0);
  });
});
