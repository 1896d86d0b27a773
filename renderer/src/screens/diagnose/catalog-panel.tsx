import { Caption1, Field, SearchBox, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { BookSearchRegular } from '@fluentui/react-icons';
import { useEffect } from 'react';
import type { CatalogEntry } from '../../../../shared/ipc-diagnose';
import type { ProfileView } from '../../../../shared/profile';
import { CATALOG_LIST_MAX, useDiagnoseStore } from '../../stores/diagnose-store';
import { useShallow } from 'zustand/react/shallow';
import { rowButtonStyle } from '../../components/row-button';
import { FindingCard, displayCode } from './finding-card';
import { ErrorBar } from '../../components/error-bar';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '16px' },
  search: { maxWidth: '560px' },
  searchBox: { width: '100%', maxWidth: '560px' },
  count: { color: tokens.colorNeutralForeground3 },
  layout: { display: 'grid', gridTemplateColumns: 'minmax(260px, 340px) minmax(0, 1fr)', gap: '20px', alignItems: 'start' },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: '4px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    maxHeight: 'calc(100vh - 330px)',
    minHeight: '200px',
    overflowY: 'auto',
  },
  item: {
    ...rowButtonStyle,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: '8px 10px',
    borderRadius: tokens.borderRadiusMedium,
  },
  itemSelected: {
    backgroundColor: tokens.colorBrandBackground2,
    boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}`,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
    // Forced colors drop the background and the box-shadow (CSS Color Adjustment, "forced-colors"),
    // which left the selected code looking like every other: mark it as Windows marks a selected
    // item, in the system's selection colours. Unadjusted, as Fluent's primary button is there, or
    // Chromium's Canvas backplate behind the text would hide HighlightText.
    '@media (forced-colors: active)': {
      forcedColorAdjust: 'none',
      backgroundColor: 'Highlight',
      color: 'HighlightText',
      '& span': { color: 'inherit' },
      ':hover': { backgroundColor: 'Highlight' },
      ':focus-visible': { outlineColor: 'HighlightText' },
    },
  },
  itemCode: { fontWeight: tokens.fontWeightSemibold, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  itemTitle: { color: tokens.colorNeutralForeground2 },
  more: { padding: '8px 10px', color: tokens.colorNeutralForeground3 },
  placeholder: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: '8px',
    minHeight: '200px',
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    color: tokens.colorNeutralForeground3,
    textAlign: 'center',
    padding: '24px',
  },
  placeholderIcon: { fontSize: '32px' },
});

function entryKey(e: Pick<CatalogEntry, 'code'>): string {
  return displayCode(e.code);
}

export interface CatalogPanelProps {
  profileId: string | null;
  profiles: ProfileView[];
  onCopy(text: string, what: string): void;
  onOpenLink(url: string): void;
}

/** Every code we know, searchable by code, name or words; selecting one shows its card. */
export function CatalogPanel({ profileId, profiles, onCopy, onOpenLink }: CatalogPanelProps) {
  const s = useStyles();
  const { query, catalog, catalogError, selected, selectedFinding, selectedRankedFor } = useDiagnoseStore(
    useShallow((st) => ({ query: st.query, catalog: st.catalog, catalogError: st.catalogError, selected: st.selected, selectedFinding: st.selectedFinding, selectedRankedFor: st.selectedRankedFor })),
  );
  const { search, pick } = useDiagnoseStore.getState();
  const entries = catalog?.entries ?? [];
  const shown = entries.slice(0, CATALOG_LIST_MAX);

  useEffect(() => {
    if (!catalog) void search(query);
  }, [catalog, query, search]);
  // The card follows the "Tailor to profile" choice.
  useEffect(() => {
    const current = useDiagnoseStore.getState().selected;
    if (current) void pick(current, profileId);
  }, [profileId, pick]);

  const profileName = profiles.find((p) => p.id === profileId)?.name;
  const selectedKey = selected ? entryKey(selected) : null;

  return (
    <div className={s.root}>
      <Field label="Search the catalog" className={s.search} hint="A code (50011 or AADSTS50011), a name (InvalidReplyTo) or words (redirect, secret expired, consent).">
        <SearchBox className={s.searchBox} value={query} onChange={(_e, d) => void search(d.value)} placeholder="Code, name or words" />
      </Field>
      <ErrorBar message={catalogError} />
      {catalog && (
        <Caption1 className={s.count} aria-live="polite">
          {query.trim() === ''
            ? `${catalog.size.compact} codes in the catalog, ${catalog.size.full} with a full explanation and fix.`
            : entries.length === 0
              ? `Nothing in the catalog matches “${query}”.`
              : `${entries.length} ${entries.length === 1 ? 'code matches' : 'codes match'} “${query}”.`}
        </Caption1>
      )}
      <div className={s.layout}>
        <ul className={s.list} aria-label="Catalog entries">
          {shown.map((e) => {
            const key = entryKey(e);
            const isSelected = key === selectedKey;
            return (
              <li key={key}>
                <button
                  type="button"
                  className={mergeClasses(s.item, isSelected && s.itemSelected)}
                  aria-current={isSelected ? 'true' : undefined}
                  aria-label={`${key}: ${e.title}`}
                  onClick={() => void pick(e, profileId)}
                >
                  <span className={s.itemCode}>{key}</span>
                  <span className={s.itemTitle}>{e.title}</span>
                </button>
              </li>
            );
          })}
          {entries.length > shown.length && (
            <li className={s.more}>
              <Caption1>
                {entries.length - shown.length} more; type more of the code or name to narrow the list.
              </Caption1>
            </li>
          )}
        </ul>
        <div>
          {selected && selectedFinding && entryKey(selectedFinding) === selectedKey ? (
            <FindingCard finding={selectedFinding} variant="catalog" headingLevel={3} profileName={profileName} rankedFor={selectedRankedFor} onCopy={onCopy} onOpenLink={onOpenLink} />
          ) : (
            <div className={s.placeholder}>
              <BookSearchRegular className={s.placeholderIcon} aria-hidden />
              <Text>Select a code to see what it means, its likely causes and the fix.</Text>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
