/** Usernames are what people type at login: lower-case letters, digits, dot, dash, underscore. */
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export function normaliseUsername(
  raw: string,
): { ok: true; username: string } | { ok: false; message: string } {
  const username = raw.trim().toLowerCase();
  if (!USERNAME.test(username))
    return {
      ok: false,
      message:
        'A username has 2 to 40 characters: letters, digits, dot, dash or underscore, starting with a letter or digit.',
    };
  return { ok: true, username };
}

/** NIST SP 800-63B asks for at least 8 characters and no composition rules. */
export const PASSWORD_MIN_LENGTH = 8;
