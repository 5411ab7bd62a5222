import { Button, Checkbox, Popover, Stack } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { RECORD_COLUMN_IDS, type RecordColumnId } from './record-columns';
import { COLUMN_SPECS } from './records-table';

/** Which columns the records table shows; the choice is remembered in this browser. */
export function ColumnChooser({
  columns,
  onChange,
}: {
  columns: RecordColumnId[];
  onChange: (columns: RecordColumnId[]) => void;
}) {
  return (
    <Popover position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />}>
          Columns
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group
          value={columns}
          onChange={(value) => onChange(value as RecordColumnId[])}
          label="Show columns"
        >
          <Stack gap={6} mt={6} data-testid="column-chooser">
            {RECORD_COLUMN_IDS.map((id) => (
              <Checkbox
                key={id}
                value={id}
                label={COLUMN_SPECS[id].label}
                disabled={id === 'title'}
                size="sm"
              />
            ))}
          </Stack>
        </Checkbox.Group>
      </Popover.Dropdown>
    </Popover>
  );
}
