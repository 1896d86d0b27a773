/**
 * A whole list row that is a button (a check row's header, a catalog entry): no button chrome, the
 * page's text, a hover background and a focus ring drawn inside the row so neighbours do not cover it.
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
};
