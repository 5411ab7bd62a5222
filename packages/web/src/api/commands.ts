import type { CommandPayload, CommandResponse, CommandResults, CommandType } from '@weft/protocol';
import { api } from './client';

/** Send one command. The id is generated here, so a retry of the same call is a new command. */
export function sendCommand<T extends CommandType>(
  type: T,
  payload: CommandPayload<T>,
  projectId?: string,
): Promise<CommandResponse<CommandResults[T]>> {
  const body = { id: crypto.randomUUID(), type, payload, ...(projectId ? { projectId } : {}) };
  return api.post<CommandResponse<CommandResults[T]>>('/api/commands', body);
}
