import { defineElement } from '../core/define.js';
import { SrPoll } from './poll.js';

defineElement('sr-poll', SrPoll);

export { SrPoll };
