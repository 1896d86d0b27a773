// First: the data is asked for before the modules below are evaluated (see first-screen-data.ts).
import { firstScreenData } from './first-screen-data';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './global.css';

/**
 * How long the first render waits for the first screen's data before it shows the frame without
 * it (the stores fill it in as the answers come). Main answers from local files in a few
 * milliseconds; this only bounds a main process that is slow to start answering.
 */
const DATA_WAIT_MS = 1000;

// One render with the data, in the chosen theme: rendered at once, React would draw the empty
// frame, then draw it all again with the welcome or the list when the answers arrive.
const root = document.getElementById('root');
void Promise.race([firstScreenData, new Promise((resolve) => setTimeout(resolve, DATA_WAIT_MS))]).then(() => {
  if (root)
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
});
