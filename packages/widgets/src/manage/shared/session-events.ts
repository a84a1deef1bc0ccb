import type { Schema } from '@smart-region/sdk';
import { isHubError } from '../../core/errors.js';

export type Me = Schema<'Me'>;

/** Whether the Hub refused because nobody is signed in (any more): the session ended or expired. */
export const isSignedOut = (error: unknown): boolean => isHubError(error) && error.status === 401;

declare global {
  interface GlobalEventHandlersEventMap {
    /** A person signed in (sign-in link, invitation): the screens now act with their session. */
    'sr-manage-signed-in': CustomEvent<Me>;
    /**
     * The session is gone: signed out here or everywhere (`expired` false), or the Hub no longer
     * knows it (`expired` true: it ran out, or was ended on another device).
     */
    'sr-manage-signed-out': CustomEvent<{ expired: boolean }>;
    /** Something the person's `Me` shows changed (a role, a name): the app loads it again. */
    'sr-manage-me-changed': CustomEvent<undefined>;
  }
}
