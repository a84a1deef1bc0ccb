import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { fixtureClient, municipalityPages } from './support/fixture-client.js';

/**
 * `<sr-hub>` connects the widgets inside it to one Hub. Here it holds the demo widget and an
 * in-memory client instead of a real Hub, so the stories need no network.
 */
const meta: Meta = {
  title: 'Plattform/sr-hub',
  component: 'sr-hub',
  tags: ['autodocs'],
  render: (_, { globals }) => html`<sr-hub .client=${fixtureClient({ '/municipalities': municipalityPages() })}>
    <sr-demo-municipalities theme=${globals['theme']}></sr-demo-municipalities>
  </sr-hub>`,
};
export default meta;

export const MitWidget: StoryObj = { name: 'Mit einem Widget' };

export const ZweiWidgets: StoryObj = {
  name: 'Zwei Widgets, ein Hub',
  render: (_, { globals }) => html`<sr-hub .client=${fixtureClient({ '/municipalities': municipalityPages() })}>
    <div style="display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); align-items: start">
      <sr-demo-municipalities limit="3" theme=${globals['theme']}></sr-demo-municipalities>
      <sr-demo-municipalities limit="6" theme=${globals['theme']}></sr-demo-municipalities>
    </div>
  </sr-hub>`,
};
