import { Text } from '@mantine/core';
import { Fragment } from 'react';
import { wordChanges } from './word-changes';

/**
 * The words a coding was placed on before an edit, with what the edit removed struck through and
 * what it added underlined, so whoever confirms an approximate placement sees what differs.
 */
export function CodedWords({ coded, placed }: { coded: string; placed: string }) {
  return (
    <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} aria-label="Coded on">
      “
      {wordChanges(coded, placed).map((part) =>
        part.kind === 'same' ? (
          <Fragment key={part.key}>{part.text}</Fragment>
        ) : (
          <Text
            key={part.key}
            component={part.kind === 'removed' ? 'del' : 'ins'}
            inherit
            c={part.kind === 'removed' ? 'red.8' : 'teal.8'}
            title={part.kind === 'removed' ? 'Removed by the edit' : 'Added by the edit'}
            style={{
              marginLeft: part.kind === 'added' ? 2 : 0,
              background: `var(--mantine-color-${part.kind === 'removed' ? 'red' : 'teal'}-light)`,
              borderRadius: 2,
            }}
          >
            {part.text}
          </Text>
        ),
      )}
      ”
    </Text>
  );
}
