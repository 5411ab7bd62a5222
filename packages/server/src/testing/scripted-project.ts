import type { CommandType, UploadResponse } from '@weft/protocol';
import type { ScreeningTeam } from './screening-fixtures.js';
import type { TestServer } from './test-server.js';

/**
 * A project driven through the API by its lead, for tests that script a review step by step:
 * commands that must succeed, one search per imported RIS text, and a search's records by title.
 */
export async function scriptedProject(t: TestServer, team: ScreeningTeam, name: string) {
  const created = await team.lead.command<{ projectId: string }>('project.create', { name });
  const projectId = created.body.result.projectId;
  const ok = async <T>(type: CommandType, payload: unknown, who = team.lead): Promise<T> => {
    const response = await who.command<T>(type, payload, projectId);
    if (response.status !== 200) throw new Error(`${type}: ${JSON.stringify(response.body)}`);
    return response.body.result;
  };
  const searchIds: Record<string, string> = {};
  const importFile = async (sourceType: string, searchName: string, text: string) => {
    const { searchId } = await ok<{ searchId: string }>('search.create', { sourceType, name: searchName });
    searchIds[searchName] = searchId;
    const upload = await team.lead.upload<UploadResponse>(projectId, `${searchName}.ris`, text);
    await ok('import.records', { searchId, uploadId: upload.body.uploadId });
  };
  /** A search's records in title order. */
  const recordsOf = async (searchName: string) =>
    (
      await t.store.db
        .selectFrom('records')
        .select('id')
        .where('search_id', '=', searchIds[searchName] as string)
        .orderBy('title')
        .execute()
    ).map((r) => r.id);
  return { projectId, ok, importFile, recordsOf, searchIds };
}
