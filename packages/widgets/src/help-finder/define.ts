import { defineElement } from '../core/define.js';
import { SrHelpFinder } from './help-finder.js';

defineElement('sr-help-finder', SrHelpFinder);

export { SrHelpFinder };
