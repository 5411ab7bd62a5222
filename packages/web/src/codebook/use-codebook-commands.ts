import { notifications } from '@mantine/notifications';
import type { CommandPayload, CommandResults, CommandType } from '@weft/protocol';
import { useCallback } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';

/**
 * Sends a codebook command for one project and reports a refusal in a notification, so every
 * control that changes the codebook fails the same visible way. Answers undefined on failure.
 */
export function useCodebookCommands(projectId: string) {
  return useCallback(
    async <T extends CommandType>(
      type: T,
      payload: CommandPayload<T>,
      failure = 'The codebook was not changed',
    ): Promise<CommandResults[T] | undefined> => {
      try {
        const response = await sendCommand(type, payload, projectId);
        return response.result;
      } catch (err) {
        notifications.show({ color: 'red', title: failure, message: errorMessage(err) });
        return undefined;
      }
    },
    [projectId],
  );
}

export type CodebookCommand = ReturnType<typeof useCodebookCommands>;
