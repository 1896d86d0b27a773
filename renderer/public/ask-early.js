// @ts-check
/* global window */
/**
 * The first screen's questions to main, asked by a small classic script of its own at the end of
 * index.html's body, so they go out before the app's chunk runs: that chunk (React DOM, Fluent UI,
 * the app) takes tens of milliseconds to compile and evaluate, and main answers meanwhile.
 * renderer/src/api.ts hands each answer to the first `call` that asks the very same question;
 * nothing else reads them. The questions are the ones the stores ask at start
 * (renderer/src/first-screen-data.ts). Plain JavaScript in public/, copied as it is: Vite bundles
 * every module script of index.html into the app's one entry chunk.
 */
(() => {
  /** @type {Array<[import('../../shared/ipc').ChannelName, object]>} */
  const FIRST = [
    ['app:info', {}],
    ['settings:appearance-get', {}],
    ['profiles:list', {}],
    ['expiry:status', { refresh: false }],
  ];
  /** @type {import('../src/api').EarlyAnswers} */
  const answers = new Map();
  const api = /** @type {import('../../shared/ipc').DeskApi | undefined} */ (window.api);
  if (!api) return;
  for (const [channel, request] of FIRST) {
    const answer = api.invoke(channel, /** @type {never} */ (request));
    // Kept for api.ts; a failure is seen there, by the store that asked.
    answer.catch(() => undefined);
    answers.set(`${channel} ${JSON.stringify(request)}`, answer);
  }
  window.earlyAnswers = answers;
})();
