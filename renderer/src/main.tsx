import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './global.css';
import { useAppStore } from './stores/app-store';
import { useAppearanceStore } from './stores/appearance-store';
import { useProfilesStore } from './stores/profiles-store';
import { useExpiryStore } from './stores/expiry-store';

// Asked for before the first render, not after it: the first screen (the welcome, the list, the
// chosen theme) waits for these answers, and React's first render no longer delays the questions.
void useAppStore.getState().load();
void useAppearanceStore.getState().load();
void useProfilesStore.getState().load();
void useExpiryStore.getState().loadAll();

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
