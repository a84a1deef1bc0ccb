/**
 * Registers the elements of the Hub's pages for organizations (`/manage/`): the entry of their
 * build (`vite --mode manage`), which the Hub's page loads.
 */
import { defineElement } from '../core/define.js';
import { SrManageApiKeys } from './api-keys/api-keys.js';
import { SrManageApp } from './app/app.js';
import { SrManageAuditLog } from './audit-log/audit-log.js';
import { SrManageHome } from './home/home.js';
import { SrManageInvitation } from './invitation/invitation.js';
import { SrManageMembers } from './members/members.js';
import { SrManageRegistration } from './registration/registration.js';
import { SrManageRegistrations } from './registrations/registrations.js';
import { SrManageResponses } from './responses/responses.js';
import { SrManageSessions } from './sessions/sessions.js';
import { SrManageSignIn } from './sign-in/sign-in.js';
import { SrManageSignInLink } from './sign-in-link/sign-in-link.js';

defineElement('sr-manage-api-keys', SrManageApiKeys);
defineElement('sr-manage-audit-log', SrManageAuditLog);
defineElement('sr-manage-home', SrManageHome);
defineElement('sr-manage-invitation', SrManageInvitation);
defineElement('sr-manage-members', SrManageMembers);
defineElement('sr-manage-registration', SrManageRegistration);
defineElement('sr-manage-registrations', SrManageRegistrations);
defineElement('sr-manage-responses', SrManageResponses);
defineElement('sr-manage-sessions', SrManageSessions);
defineElement('sr-manage-sign-in', SrManageSignIn);
defineElement('sr-manage-sign-in-link', SrManageSignInLink);
// Last: the app renders the others, which are then defined already.
defineElement('sr-manage-app', SrManageApp);

export {
  SrManageApiKeys,
  SrManageApp,
  SrManageAuditLog,
  SrManageHome,
  SrManageInvitation,
  SrManageMembers,
  SrManageRegistration,
  SrManageRegistrations,
  SrManageResponses,
  SrManageSessions,
  SrManageSignIn,
  SrManageSignInLink,
};
