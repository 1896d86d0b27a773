import { Button, Caption1, Label, Select, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { Tab, TabList } from '../../components/tabs';
import { BookSearchRegular, CopyRegular, SaveRegular, StethoscopeRegular } from '@fluentui/react-icons';
import { useEffect, useId, useState } from 'react';
import { call, errorMessage } from '../../api';
import { useAppStore } from '../../stores/app-store';
import { useDiagnoseStore, type DiagnoseTab } from '../../stores/diagnose-store';
import { useShallow } from 'zustand/react/shallow';
import { ProfileOptions } from '../../components/profile-page';
import { useProfilesStore } from '../../stores/profiles-store';
import { CatalogPanel } from './catalog-panel';
import { saveTextFile, useCopyAndNotify } from './clipboard';
import { PastePanel } from './paste-panel';
import { scrollPaneStyle } from '../../components/scroll-pane';

const useStyles = makeStyles({
  root: { ...scrollPaneStyle, paddingRight: '12px', paddingBottom: '32px' },
  inner: { display: 'flex', flexDirection: 'column', gap: '18px', maxWidth: '1120px' },
  head: { display: 'flex', alignItems: 'flex-start', gap: '24px', flexWrap: 'wrap' },
  titleBlock: { flexGrow: 1, flexBasis: '360px', display: 'flex', flexDirection: 'column', gap: '4px' },
  title: { margin: 0 },
  lead: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  support: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', gap: '6px', paddingTop: '2px' },
  supportButtons: { display: 'flex', gap: '8px', flexWrap: 'wrap', justifyContent: 'flex-end' },
  supportNote: { color: tokens.colorNeutralForeground3, textAlign: 'right', maxWidth: '440px' },
  toolbar: {
    display: 'flex',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: '16px',
    flexWrap: 'wrap',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  picker: { display: 'flex', alignItems: 'center', gap: '10px', paddingBottom: '8px' },
  pickerLabel: { whiteSpace: 'nowrap' },
  pickerSelect: { minWidth: '220px' },
  // No negative margin: when the toolbar wraps in a narrow window, the first tab would be cut by the pane's edge.
  tabs: { minWidth: 0 },
});

/** Diagnose: paste any Entra error and get each finding explained; or look codes up in the catalog. */
export default function DiagnoseScreen({ toasterId }: { toasterId: string }) {
  const s = useStyles();
  const profiles = useProfilesStore((st) => st.profiles);
  const selectedId = useProfilesStore((st) => st.selectedId);
  const loaded = useProfilesStore((st) => st.loaded);
  const { tab, profileChoice, diagnosed } = useDiagnoseStore(useShallow((st) => ({ tab: st.tab, profileChoice: st.profileChoice, diagnosed: st.diagnosed })));
  const { setTab, setText, run, chooseProfile } = useDiagnoseStore.getState();
  const pendingText = useAppStore((st) => st.diagnoseText);
  const { notify, copy } = useCopyAndNotify(toasterId);
  const [supportBusy, setSupportBusy] = useState(false);
  const pickerId = useId();


  const wanted = profileChoice ? profileChoice.id : selectedId;
  const profileId = wanted !== null && profiles.some((p) => p.id === wanted) ? wanted : null;
  const selectedProfile = profiles.find((p) => p.id === selectedId);

  // A failed check's "Diagnose AADSTSnnn" sends its text here: paste it and diagnose at once.
  useEffect(() => {
    const text = useAppStore.getState().diagnoseText;
    if (text === null || !loaded) return;
    useAppStore.setState({ diagnoseText: null });
    setTab('paste');
    setText(text);
    void run(profileId, text);
  }, [pendingText, loaded, profileId, run, setTab, setText]);

  // Findings follow the "Tailor to profile" choice.
  useEffect(() => {
    // A run already under way (e.g. text handed over from a check) wins; this effect fires again when it ends.
    if (diagnosed && diagnosed.profileId !== profileId && !useDiagnoseStore.getState().busy) void run(profileId, diagnosed.text);
  }, [diagnosed, profileId, run]);

  const openLink = async (url: string) => {
    try {
      await call('shell:open-external', { url });
    } catch (error) {
      notify(errorMessage(error), 'error');
    }
  };

  const supportSummary = async (action: 'copy' | 'save') => {
    setSupportBusy(true);
    try {
      const { text, fileName } = await call('support:summary', { profileId: selectedProfile?.id ?? null });
      if (action === 'copy') await copy(text, 'the support summary');
      else saveTextFile(fileName, text);
    } catch (error) {
      notify(`The support summary could not be built: ${errorMessage(error)}`, 'error');
    } finally {
      setSupportBusy(false);
    }
  };

  // Without a profile the sentence used to read "App version, OS, no profile and recent log lines".
  const supportNote = selectedProfile
    ? `App version, OS, the profile “${selectedProfile.name}” (secret as its first characters only), its last check and recent log lines, with secrets and tokens removed.`
    : 'App version, OS and recent log lines, with secrets and tokens removed (no profile yet).';

  return (
    <div className={s.root}>
      <div className={s.inner}>
        <div className={s.head}>
          <div className={s.titleBlock}>
            <Title3 as="h2" className={s.title}>
              Diagnose
            </Title3>
            <p className={s.lead}>Paste any Entra ID error to see what happened, the likely causes in your setup, and the fix with where to click.</p>
          </div>
          <div className={s.support} role="group" aria-label="Support summary" aria-describedby="support-summary-note">
            <div className={s.supportButtons}>
              <Button icon={<CopyRegular />} disabled={supportBusy} onClick={() => void supportSummary('copy')}>
                Copy support summary
              </Button>
              <Button icon={<SaveRegular />} disabled={supportBusy} onClick={() => void supportSummary('save')}>
                Save support summary…
              </Button>
            </div>
            <Caption1 id="support-summary-note" className={s.supportNote}>
              {supportNote}
            </Caption1>
          </div>
        </div>

        <div className={s.toolbar}>
          <TabList className={s.tabs} selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value as DiagnoseTab)} aria-label="Diagnose views">
            <Tab value="paste" icon={<StethoscopeRegular />}>
              Diagnose an error
            </Tab>
            <Tab value="catalog" icon={<BookSearchRegular />}>
              Error catalog
            </Tab>
          </TabList>
          <div className={s.picker}>
            <Label htmlFor={pickerId} className={s.pickerLabel}>
              Tailor to profile
            </Label>
            <Select id={pickerId} className={s.pickerSelect} value={profileId ?? ''} onChange={(_e, d) => chooseProfile(d.value === '' ? null : d.value)}>
              <option value="">None (generic advice)</option>
              <ProfileOptions profiles={profiles} />
            </Select>
          </div>
        </div>

        <div role="tabpanel" aria-label={tab === 'paste' ? 'Diagnose an error' : 'Error catalog'}>
          {tab === 'paste' ? (
            <PastePanel profileId={profileId} profiles={profiles} onCopy={(t, w) => void copy(t, w)} onOpenLink={(u) => void openLink(u)} />
          ) : (
            <CatalogPanel profileId={profileId} profiles={profiles} onCopy={(t, w) => void copy(t, w)} onOpenLink={(u) => void openLink(u)} />
          )}
        </div>
        {profiles.length === 0 && loaded && <Caption1>Without a profile the advice is generic; create one under Profiles to see notes about your own IDs and URLs.</Caption1>}
      </div>
    </div>
  );
}
