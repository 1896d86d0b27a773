/**
 * The narrow-window form of the profile list: a chunk of its own, since the app opens wide enough
 * for the list (electron/platform/window-state.ts DEFAULT_SIZE against NARROW_MEDIA), so the first
 * screen does not carry Field and Select for it (bench/renderer-weight.bench.ts).
 */
import { Button, Field, Select, makeStyles } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { ProfileActions, type ProfileListProps } from './profile-list';

const useStyles = makeStyles({
  // As wide as the form below it at most (profile-editor.tsx), so the two end at one edge.
  picker: { display: 'flex', alignItems: 'flex-end', gap: '8px', minWidth: 0, maxWidth: '720px' },
  pickerField: { flex: '1 1 auto', minWidth: 0 },
  pickerSelect: { width: '100%', minWidth: 0, '& select': { textOverflow: 'ellipsis' } },
});

/** The narrow-window form of the list: a picker, the new-profile button and the selected profile's actions. */
export function ProfilePicker(props: ProfileListProps) {
  const styles = useStyles();
  const selected = props.creating ? undefined : props.profiles.find((p) => p.id === props.selectedId);
  return (
    <nav className={styles.picker} aria-label="Profiles">
      {props.profiles.length > 0 && (
        <Field label="Profile" className={styles.pickerField}>
          <Select
            className={styles.pickerSelect}
            value={selected?.id ?? ''}
            title={selected?.name}
            onChange={(_e, d) => props.onSelect(d.value)}
          >
            {!selected && <option value="">New profile (not saved yet)</option>}
            {props.profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {selected && <ProfileActions profile={selected} {...props} />}
      <Button icon={<AddRegular />} onClick={props.onNew} disabled={props.creating}>
        New profile
      </Button>
    </nav>
  );
}
