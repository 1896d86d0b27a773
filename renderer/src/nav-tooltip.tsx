/**
 * The icon navigation's tooltips (below about 1000 px): a chunk of its own, since Fluent's tooltip
 * brings the positioning library the wide layout does not need; app.tsx names the tab meanwhile.
 */
import { Tooltip } from '@fluentui/react-components';
import type { ReactElement } from 'react';

export function NavTooltip({ label, children }: { label: string; children: ReactElement }) {
  return (
    <Tooltip content={label} relationship="label" positioning="after">
      {children}
    </Tooltip>
  );
}
