/**
 * Every element with a file of its own. Adding a widget is one line here: the CDN build makes
 * `<tag>.js` from `src/<tag without "sr-">/define.ts`, the npm build makes `<folder>/<folder>.js`
 * and `<folder>/define.js`, the autoloader loads the file when the tag appears, and the browser
 * tests of the production build swap the define module for the CDN file. (package.json's
 * `exports` list the npm files; a test checks that they match.)
 */
export const widgetTags = ['sr-hub', 'sr-event-calendar', 'sr-help-finder', 'sr-poll', 'sr-volunteer-board'] as const;
