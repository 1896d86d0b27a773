/**
 * A page that scrolls inside the main pane (Entra setup, Check compatibility, Diagnose, Settings).
 * The 4 px on the left, given back by the margin so nothing moves, keep the focus ring of a control
 * at the page's left edge inside the part that scrolls, which would cut it off: Fluent draws its
 * rings 2 px outside a control, global.css a field's 4 px outside.
 */
import type { GriffelStyle } from '@fluentui/react-components';

export const scrollPaneStyle: GriffelStyle = { height: '100%', overflowY: 'auto', paddingLeft: '4px', marginLeft: '-4px' };
