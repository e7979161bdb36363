// A FAKE analytics script for the benchmark: it tracks nothing and sends nothing. It records when
// it starts (ms since navigation start) so the benchmark can tell when the gated script ran.
/* global window, performance */
(() => {
  const bench = (window.__benchAnalytics ??= []);
  bench.push(performance.now());
  performance.mark('bench:analytics-start');
})();
