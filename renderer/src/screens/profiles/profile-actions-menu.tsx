/**
 * Rename, duplicate, delete: a profile's menu. A chunk of its own (Fluent's menu and its positioning
 * are not on the first screen); profile-list.tsx mounts it, open, on the first click of the button.
 */
import { Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { CopyRegular, DeleteRegular, RenameRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { ProfileView } from '../../../../shared/profile';

export interface ProfileActionsMenuProps {
  profile: ProfileView;
  /** The button that opens the menu. */
  trigger: ReactElement;
  onRename(profile: ProfileView): void;
  onDuplicate(profile: ProfileView): void;
  onDelete(profile: ProfileView): void;
}

export function ProfileActionsMenu({ profile, trigger, onRename, onDuplicate, onDelete }: ProfileActionsMenuProps) {
  return (
    // Open when mounted: it is mounted by the click that asked for it.
    <Menu defaultOpen>
      <MenuTrigger disableButtonEnhancement>{trigger}</MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem icon={<RenameRegular />} onClick={() => onRename(profile)}>
            Rename
          </MenuItem>
          <MenuItem icon={<CopyRegular />} onClick={() => onDuplicate(profile)}>
            Duplicate
          </MenuItem>
          <MenuItem icon={<DeleteRegular />} onClick={() => onDelete(profile)}>
            Delete
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
