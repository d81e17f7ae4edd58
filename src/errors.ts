/**
 * An error the user can act on (a bad file, config, URL or argument). The CLI prints its
 * message as one plain line, without a stack trace; services log it and carry on.
 */
export class UserError extends Error {
  override name = 'UserError';
}
