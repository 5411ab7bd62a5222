import { Alert } from '@mantine/core';

/** In place of a part whose code could not be fetched (offline, or the app was updated meanwhile). */
export function CodeLoadFailed({ what }: { what: string }) {
  return (
    <Alert color="red" variant="light" role="alert">
      The {what} could not be loaded. Reload the page to try again.
    </Alert>
  );
}
