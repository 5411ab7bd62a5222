import { normaliseUsername, PASSWORD_MIN_LENGTH } from '@weft/core';

export interface AccountErrors {
  username?: string;
  displayName?: string;
  password?: string;
  confirm?: string;
}

export function validateAccount(values: {
  username: string;
  displayName: string;
  password: string;
  confirm?: string;
}): AccountErrors {
  const errors: AccountErrors = {};
  const username = normaliseUsername(values.username);
  if (!username.ok) errors.username = username.message;
  if (!values.displayName.trim()) errors.displayName = 'Enter the name your team will see.';
  if (values.password.length < PASSWORD_MIN_LENGTH)
    errors.password = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (values.confirm !== undefined && values.confirm !== values.password)
    errors.confirm = 'The two passwords differ.';
  return errors;
}
