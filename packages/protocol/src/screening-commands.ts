import type { z } from 'zod';

/** Payload schemas of the screening commands. */
export const SCREENING_COMMAND_PAYLOADS = {} as const satisfies Record<string, z.ZodType>;

// biome-ignore lint/suspicious/noEmptyInterface: filled as screening commands are added
export interface ScreeningCommandResults {}
