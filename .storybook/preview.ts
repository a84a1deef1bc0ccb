import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import manifest from '../packages/widgets/custom-elements.json' with { type: 'json' };
import '../packages/widgets/src/hub/define.js';
import { defineElement } from '../packages/widgets/src/core/define.js';
import { SrDemoMunicipalities } from '../stories/support/demo-municipalities.js';

interface Declaration {
  members?: { privacy?: string }[];
  [key: string]: unknown;
}

interface Manifest {
  modules: { declarations?: Declaration[]; [key: string]: unknown }[];
  [key: string]: unknown;
}

/** The manifest as page authors need it: private and protected members are the widgets' own business. */
function publicMembersOnly(full: Manifest): Manifest {
  return {
    ...full,
    modules: full.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => ({
        ...declaration,
        members: declaration.members?.filter((member) => (member.privacy ?? 'public') === 'public'),
      })),
    })),
  };
}

// Autodocs read attributes, properties, parts and CSS properties from the generated manifest.
setCustomElementsManifest(publicMembersOnly(manifest));
defineElement('sr-demo-municipalities', SrDemoMunicipalities);

const preview: Preview = {
  globalTypes: {
    lang: {
      description: 'Sprache der Widgets',
      toolbar: {
        title: 'Sprache',
        icon: 'globe',
        items: [
          { value: 'de', title: 'Deutsch' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Hell oder dunkel',
      toolbar: {
        title: 'Thema',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Hell' },
          { value: 'dark', title: 'Dunkel' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'de', theme: 'light' },
  // The page around the story: its language, and a background matching the theme.
  decorators: [
    (story, { globals }) => html`<div
      lang=${globals['lang']}
      style=${styleMap({ padding: '1rem', background: globals['theme'] === 'dark' ? '#0f1215' : '#ffffff', fontFamily: 'system-ui, sans-serif' })}
    >
      ${story()}
    </div>`,
  ],
  parameters: { layout: 'fullscreen', controls: { expanded: true } },
};

export default preview;
