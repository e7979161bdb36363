// A FAKE analytics script, for the demo and the tests: it tracks nothing and sends nothing.
// It counts its runs in window.fakeAnalyticsRuns under its data-label (or "external") and, on the
// demo pages, says visibly that it ran, so that testers see gating happen.
(() => {
  const label = document.currentScript?.dataset.label ?? 'external';
  const runs = (window.fakeAnalyticsRuns ??= {});
  runs[label] = (runs[label] ?? 0) + 1;
  const status = document.getElementById('fake-analytics-status');
  if (status) {
    const en = document.documentElement.lang === 'en';
    const time = new Date().toLocaleTimeString(en ? 'en-GB' : 'nl-NL');
    status.textContent = en ? `Loaded at ${time} (${runs[label]}×)` : `Geladen om ${time} (${runs[label]}×)`;
    status.dataset.state = 'loaded';
  }
})();
