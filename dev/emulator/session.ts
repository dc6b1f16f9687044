import { createHash } from 'node:crypto';
import type { Execution } from './context';

/**
 * `Session` for one execution. The user's email "is not available in any context that allows a script to
 * run without that user's authorization, like a simple onOpen(e) or onEdit(e) trigger, a custom function in
 * Google Sheets" (developers.google.com/apps-script/reference/base/session#getActiveUser()): there it is "".
 */
export function createSession(execution: Execution, scriptTimeZone: string): object {
  const emailHidden = execution.kind === 'customFunction' || execution.kind === 'authLimited';
  const user = (method: string): object => {
    execution.check('Session', method);
    const email = emailHidden ? '' : execution.user;
    return {
      getEmail(): string {
        execution.check('User', 'getEmail');
        return email;
      },
    };
  };
  return {
    getActiveUser: (): object => user('getActiveUser'),
    getEffectiveUser: (): object => user('getEffectiveUser'),
    getActiveUserLocale(): string {
      execution.check('Session', 'getActiveUserLocale');
      return 'en';
    },
    getScriptTimeZone(): string {
      execution.check('Session', 'getScriptTimeZone');
      return scriptTimeZone;
    },
    getTemporaryActiveUserKey(): string {
      execution.check('Session', 'getTemporaryActiveUserKey');
      return createHash('sha256').update(execution.user).digest('base64url').slice(0, 43);
    },
  };
}
