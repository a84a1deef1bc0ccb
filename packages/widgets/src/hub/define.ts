import { defineElement } from '../core/define.js';
import { SrHub } from './hub.js';

defineElement('sr-hub', SrHub);

export { SrHub };
