import { notifications } from '@mantine/notifications';
import type { CaseView } from '@weft/protocol';
import { useMemo } from 'react';
import { codingApi } from '../api/coding';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import { useResource } from '../api/use-resource';
import { flattenCodebook } from '../coding/code-colours';
import { CodePalette } from '../coding/code-palette';

/**
 * "Code whole case…": pick a code and every document of the case is coded with it in full, at its
 * current version (`coding.add-case`; documents already coded so are left alone).
 */
export function CodeCasePalette({
  projectId,
  target,
  onClose,
}: {
  projectId: string;
  target: CaseView | null;
  onClose: () => void;
}) {
  const codebook = useResource(target ? `codebook:${projectId}` : null, () => codingApi.codebook(projectId));
  const codes = useMemo(() => flattenCodebook(codebook.data?.codes ?? []), [codebook.data]);
  const pick = async (codeId: string) => {
    if (!target) return;
    onClose();
    try {
      const { result } = await sendCommand('coding.add-case', { caseId: target.id, codeId }, projectId);
      const name = codes.find((c) => c.id === codeId)?.name ?? 'the code';
      const made = result.codingIds.length;
      notifications.show({
        color: 'teal',
        message:
          `Coded ${made} document${made === 1 ? '' : 's'} of “${target.name}” in full with “${name}”` +
          (result.skipped ? ` (${result.skipped} already coded so, or without text).` : '.'),
      });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not coded', message: errorMessage(error), autoClose: 8000 });
    }
  };
  const count = target?.documentIds.length ?? 0;
  return (
    <CodePalette
      opened={target !== null}
      title={target ? `Code the whole case “${target.name}”` : 'Code whole case'}
      quote={target ? `${count} document${count === 1 ? '' : 's'}, each in full` : undefined}
      codes={codes}
      allowCreate={false}
      onPick={(codeId) => void pick(codeId)}
      onCreate={() => undefined}
      onClose={onClose}
    />
  );
}
