import { expect } from '@open-wc/testing';
import { checkContrast, defaultOnColor, suggestColor } from './contrast.js';

describe('contrast of a chosen primary colour', () => {
  it('flags a light yellow on the light surface and suggests a darker one that passes', () => {
    const result = checkContrast('#fff59d', undefined, 'light');
    expect(result.passes).to.equal(false);
    expect(result.checks.find((check) => check.kind === 'on-surface')?.passes).to.equal(false);
    expect(result.suggestion).to.match(/^#[0-9a-f]{6}$/);
    expect(checkContrast(result.suggestion!, undefined, 'light').passes).to.equal(true);
  });

  it('passes a dark blue on the light surface, with white text on it', () => {
    const result = checkContrast('#003366', undefined, 'light');
    expect(result.passes).to.equal(true);
    expect(result.onColor).to.equal('#ffffff');
    expect(result.suggestion).to.equal(undefined);
  });

  it('flags a dark blue on the dark surface and suggests a lighter one', () => {
    const result = checkContrast('#003366', undefined, 'dark');
    expect(result.passes).to.equal(false);
    const suggestion = result.suggestion!;
    expect(checkContrast(suggestion, undefined, 'dark').passes).to.equal(true);
  });

  it('flags a text colour on the primary that is too weak', () => {
    const result = checkContrast('#003366', '#335577', 'light');
    expect(result.checks.find((check) => check.kind === 'on-primary')?.passes).to.equal(false);
    expect(result.passes).to.equal(false);
  });

  it('has no single colour for both light and dark surfaces: the theme must be pinned', () => {
    expect(checkContrast('#003366', undefined, undefined).passes).to.equal(false);
    expect(suggestColor('#003366', ['light', 'dark'])).to.equal(undefined);
  });

  it('puts black on light colours and white on dark ones, as the widgets do', () => {
    expect(defaultOnColor('#fff59d')).to.equal('#000000');
    expect(defaultOnColor('#003366')).to.equal('#ffffff');
  });
});
