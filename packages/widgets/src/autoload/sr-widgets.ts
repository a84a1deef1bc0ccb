/*
 * The CDN autoloader, `sr-widgets.js`: one script tag on a page, and every widget used on it is
 * loaded from the same folder when its tag appears.
 *
 *   <script type="module" src="https://hub.example.org/widgets/v1/sr-widgets.js"></script>
 */
import { autoload } from './autoload.js';
import { widgetTags } from './widgets.js';

// Through a variable: Vite rewrites `new URL(…, import.meta.url)` into a lookup of files it
// bundled, and the widget files are separate entries, not assets of this one.
const folder = import.meta.url;

autoload(document, widgetTags, (tag) => import(/* @vite-ignore */ new URL(`./${tag}.js`, folder).href));
