import { expect, fixture, html } from '@open-wc/testing';
import type { PropertyDeclarations } from 'lit';
import { captureWarnings } from '../../test/helpers.js';
import { oneOf, uuid, type AttributeRules } from './attributes.js';
import { SrBaseElement } from './base-element.js';
import { defineElement } from './define.js';

/** An element with a rule of each kind, showing what `checked()` gives. */
class SrRulesDemo extends SrBaseElement {
  static override properties: PropertyDeclarations = { size: {}, itemId: { attribute: 'item-id' } };
  static override attributeRules: AttributeRules = {
    size: oneOf(['small', 'large'], 'showing it small'),
    itemId: { valid: (id) => uuid.test(id), problem: 'is not an id (a UUID).', missing: 'has no item-id.' },
  };
  declare size: string | undefined;
  declare itemId: string | undefined;

  /** What the element read from its attributes at its last update. */
  read: (string | undefined)[] = [];

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    this.read = [this.checked('size'), this.checked('itemId')];
  }
}
defineElement('sr-rules-demo', SrRulesDemo);

const id = '5b1d7c1e-8f0a-4c3b-9d2e-1a2b3c4d5e6f';

describe('attribute rules (core/attributes.ts)', () => {
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(() => (warnings = captureWarnings()));
  afterEach(() => warnings.restore());

  it('gives valid values, trimmed, and warns about nothing', async () => {
    const element = await fixture<SrRulesDemo>(html`<sr-rules-demo size=" large " item-id=${id.toUpperCase()}></sr-rules-demo>`);
    expect(element.read).to.deep.equal(['large', id.toUpperCase()]);
    expect(warnings.messages).to.deep.equal([]);
  });

  it('warns once per wrong value, naming the attribute, and gives undefined for it', async () => {
    const element = await fixture<SrRulesDemo>(html`<sr-rules-demo size="huge" item-id="42"></sr-rules-demo>`);
    expect(element.read).to.deep.equal([undefined, undefined]);
    element.requestUpdate();
    await element.updateComplete;
    expect(warnings.messages).to.deep.equal([
      '<sr-rules-demo> size="huge" is neither "small" nor "large"; showing it small.',
      '<sr-rules-demo> item-id="42" is not an id (a UUID).',
    ]);
  });

  it('checks every rule before each update, also of a value set as a property', async () => {
    const element = await fixture<SrRulesDemo>(html`<sr-rules-demo item-id=${id}></sr-rules-demo>`);
    element.size = 'medium';
    await element.updateComplete;
    expect(warnings.messages).to.deep.equal(['<sr-rules-demo> size="medium" is neither "small" nor "large"; showing it small.']);
  });

  it('says what is missing for an attribute the element needs', async () => {
    await fixture<SrRulesDemo>(html`<sr-rules-demo></sr-rules-demo>`);
    expect(warnings.messages).to.deep.equal(['<sr-rules-demo> has no item-id.']);
  });

  it('lists three or more values', () => {
    expect(oneOf(['month', 'week', 'list'], 'showing the month').problem).to.equal('is not one of month, week, list; showing the month.');
  });
});
