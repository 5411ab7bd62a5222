import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { SearchView } from '@weft/protocol';
import { useEffect, useState } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage, fieldErrors, isApiError } from '../api/problem';
import { ConflictNotice } from '../project/conflict-notice';
import { draftFromSearch, type SearchDraft, SearchFields, searchFieldsOf } from './search-details-form';

/** The search as the server holds it now, sent back with a 409. */
type CurrentSearch = Parameters<typeof draftFromSearch>[0];

function summary(search: CurrentSearch): string {
  const parts = [
    search.name,
    search.platform && `on ${search.platform}`,
    search.dateRun && `run ${search.dateRun}`,
    search.reportedCount !== null && `${search.reportedCount.toLocaleString()} reported`,
  ];
  return parts.filter(Boolean).join(', ');
}

/**
 * Edits a recorded search's PRISMA-S details. Saved against the version the edit started from:
 * if someone else saved first, the server answers 409 with their version and the person
 * chooses, as on the project page.
 */
export function EditSearchModal({
  projectId,
  search,
  onClose,
  onSaved,
}: {
  projectId: string;
  search: SearchView | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState<SearchDraft | null>(null);
  const [baseVersion, setBaseVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const [conflict, setConflict] = useState<CurrentSearch | null>(null);

  // A fresh draft each time the dialog opens on a search; not when the list reloads under it.
  const openedId = search?.id ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on which search opened, not its live fields
  useEffect(() => {
    if (!search) return;
    setDraft(draftFromSearch(search));
    setBaseVersion(search.version);
    setError(null);
    setNameError(undefined);
    setConflict(null);
  }, [openedId]);

  const save = async (version: number) => {
    if (!search || !draft) return;
    if (!draft.name.trim()) {
      setNameError('Name the search, e.g. MEDLINE.');
      return;
    }
    setBusy(true);
    setError(null);
    setNameError(undefined);
    try {
      await sendCommand(
        'search.update',
        { searchId: search.id, expectedVersion: version, ...searchFieldsOf(draft) },
        projectId,
      );
      setConflict(null);
      onSaved();
      onClose();
    } catch (failure) {
      if (isApiError(failure) && failure.status === 409 && failure.problem.current) {
        setConflict(failure.problem.current as CurrentSearch);
        onSaved();
      } else {
        setNameError(fieldErrors(failure).name);
        setError(errorMessage(failure));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={search !== null} onClose={onClose} title="Edit search" size="lg">
      {draft && (
        <Stack gap="sm" data-testid="edit-search">
          <SearchFields draft={draft} onDraft={setDraft} nameError={nameError} withNotes />
          {conflict && (
            <ConflictNotice
              busy={busy}
              onOverwrite={() => void save(conflict.version)}
              onDiscard={() => {
                setConflict(null);
                onClose();
              }}
            >
              It now reads:{' '}
              <Text span fz="sm" fw={600}>
                {summary(conflict)}
              </Text>
              . Save yours over it, or keep theirs.
            </ConflictNotice>
          )}
          {error && !conflict && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button loading={busy} disabled={conflict !== null} onClick={() => void save(baseVersion)}>
              Save search
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
