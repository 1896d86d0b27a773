/**
 * The first screen's data, asked for before anything else runs: main.tsx imports this module
 * first, so the questions go out while the rest of the first chunk (React DOM, Fluent UI, the app)
 * is still being evaluated, and the answers are there, or nearly, when React renders.
 */
import { useAppStore } from './stores/app-store';
import { useAppearanceStore } from './stores/appearance-store';
import { useExpiryStore } from './stores/expiry-store';
import { useProfilesStore } from './stores/profiles-store';

// Expiry reports may need the network (a SAML app's certificates come from Entra's federation
// metadata), so the first render does not wait for them: the notice shows when they arrive.
void useExpiryStore.getState().loadAll();

/**
 * Settles (never rejects: each store keeps its own error) once what the first screen shows is
 * known: the profiles (the welcome or the list and its selection), the theme, the version and the
 * start-up notices. All are read from this computer's files by main.
 */
export const firstScreenData: Promise<unknown> = Promise.allSettled([
  useAppStore.getState().load(),
  useAppearanceStore.getState().load(),
  useProfilesStore.getState().load(),
]);
