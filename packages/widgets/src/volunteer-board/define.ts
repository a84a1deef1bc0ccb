import { defineElement } from '../core/define.js';
import { SrVolunteerBoard } from './volunteer-board.js';

defineElement('sr-volunteer-board', SrVolunteerBoard);

export { SrVolunteerBoard };
