/**
 * A whole list row that is a button (a check row's header, a catalog entry): no button chrome, the
 * page's text, a hover background and a focus ring drawn inside the row so neighbours do not cover it;
 * in forced colors, a button's border.
 */
import { tokens, type GriffelStyle } from '@fluentui/react-components';

export const rowButtonStyle: GriffelStyle = {
  width: '100%',
  border: 'none',
  background: 'none',
  textAlign: 'left',
  cursor: 'pointer',
  color: tokens.colorNeutralForeground1,
  fontFamily: tokens.fontFamilyBase,
  fontSize: tokens.fontSizeBase300,
  ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  // Forced colors (Windows contrast themes) drop the hover background, so nothing would show the row
  // is a button: draw its edge in the system's button colours, as Fluent's own buttons do there, and
  // keep the focus ring inside it clear of the edge.
  '@media (forced-colors: active)': {
    borderTopWidth: '1px',
    borderRightWidth: '1px',
    borderBottomWidth: '1px',
    borderLeftWidth: '1px',
    borderTopStyle: 'solid',
    borderRightStyle: 'solid',
    borderBottomStyle: 'solid',
    borderLeftStyle: 'solid',
    borderTopColor: 'ButtonText',
    borderRightColor: 'ButtonText',
    borderBottomColor: 'ButtonText',
    borderLeftColor: 'ButtonText',
    ':hover': { borderTopColor: 'Highlight', borderRightColor: 'Highlight', borderBottomColor: 'Highlight', borderLeftColor: 'Highlight' },
    ':focus-visible': { outlineOffset: '-4px' },
  },
};
