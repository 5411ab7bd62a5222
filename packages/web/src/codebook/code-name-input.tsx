import { TextInput } from '@mantine/core';
import { useRef, useState } from 'react';

/**
 * The inline name field of the codebook tree (new code or rename): Enter saves, Escape or
 * leaving an unchanged field cancels. Keys stay inside so the tree's shortcuts do not fire.
 */
export function CodeNameInput({
  initial = '',
  label,
  size = 'xs',
  onSave,
  onCancel,
}: {
  initial?: string;
  label: string;
  size?: 'xs' | 'sm';
  onSave: (name: string) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(initial);
  // Enter saves and unmounts the field; a blur on the way out must not save a second time.
  const done = useRef(false);
  const save = () => {
    if (done.current) return;
    done.current = true;
    const name = value.trim();
    if (name === '' || name === initial) onCancel();
    else onSave(name);
  };
  return (
    <TextInput
      autoFocus
      size={size}
      aria-label={label}
      placeholder={label}
      value={value}
      maxLength={200}
      onChange={(e) => setValue(e.currentTarget.value)}
      onFocus={(e) => e.currentTarget.select()}
      onBlur={save}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') {
          e.preventDefault();
          save();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          done.current = true;
          onCancel();
        }
      }}
      style={{ flex: 1, minWidth: 0 }}
    />
  );
}
