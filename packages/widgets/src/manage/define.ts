/**
 * Registers the elements of the Hub's pages for organizations (`/manage/`): the entry of their
 * build (`vite --mode manage`), which the Hub's page loads.
 */
import { defineElement } from '../core/define.js';
import { SrManageApiKeys } from './api-keys/api-keys.js';
import { SrManageApp } from './app/app.js';
import { SrManageDashboard } from './dashboard/dashboard.js';
import { SrManageEvents } from './events/events.js';
import { SrManageEvent } from './event/event.js';
import { SrManageCalendarSubscriptions } from './calendar-subscriptions/calendar-subscriptions.js';
import { SrManageHelpOffers } from './help-offers/help-offers.js';
import { SrManageHelpOffer } from './help-offer/help-offer.js';
import { SrManageVolunteerNeeds } from './volunteer-needs/volunteer-needs.js';
import { SrManageVolunteerNeed } from './volunteer-need/volunteer-need.js';
import { SrManageNeedShifts } from './shifts/need-shifts.js';
import { SrManageShiftRoster } from './shifts/roster.js';
import { SrManagePolls } from './polls/polls.js';
import { SrManagePoll } from './poll/poll.js';
import { SrManageProfile } from './profile/profile.js';
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
defineElement('sr-manage-dashboard', SrManageDashboard);
defineElement('sr-manage-events', SrManageEvents);
defineElement('sr-manage-event', SrManageEvent);
defineElement('sr-manage-calendar-subscriptions', SrManageCalendarSubscriptions);
defineElement('sr-manage-help-offers', SrManageHelpOffers);
defineElement('sr-manage-help-offer', SrManageHelpOffer);
defineElement('sr-manage-volunteer-needs', SrManageVolunteerNeeds);
defineElement('sr-manage-volunteer-need', SrManageVolunteerNeed);
defineElement('sr-manage-need-shifts', SrManageNeedShifts);
defineElement('sr-manage-shift-roster', SrManageShiftRoster);
defineElement('sr-manage-polls', SrManagePolls);
defineElement('sr-manage-poll', SrManagePoll);
defineElement('sr-manage-profile', SrManageProfile);
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
  SrManageDashboard,
  SrManageEvents,
  SrManageEvent,
  SrManageCalendarSubscriptions,
  SrManageHelpOffers,
  SrManageHelpOffer,
  SrManageVolunteerNeeds,
  SrManageVolunteerNeed,
  SrManageNeedShifts,
  SrManageShiftRoster,
  SrManagePolls,
  SrManagePoll,
  SrManageProfile,
};
