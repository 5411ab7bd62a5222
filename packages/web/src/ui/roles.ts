import type { Role } from '@weft/core';

/** What each role may do, in the words the members page uses. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'Everything, including renaming and archiving the project',
  lead: 'Manages members and runs the review',
  reviewer: 'Screens, appraises, extracts and codes',
  viewer: 'Reads everything, changes nothing',
};
