/**
 * Project authorisation. The role × action table is pure data shared with the web app, so it
 * lives in core; this file is where the server's routes and commands take it from.
 */
export { mayAssignRole, mayDo, PROJECT_ACTIONS, type ProjectAction } from '@weft/core';
