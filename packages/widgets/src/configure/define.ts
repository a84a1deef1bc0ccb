/** Registers the configurator (`/configure/`): the entry `configure` of the pages' build, which the Hub's page loads. */
import { defineElement } from '../core/define.js';
import { SrConfigure } from './configure.js';

defineElement('sr-configure', SrConfigure);

export { SrConfigure };
