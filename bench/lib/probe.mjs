// The in-page probe, installed before any of the page's scripts (an init script), identical for
// every library but for the selector it looks for.
// - Layout shifts: a buffered PerformanceObserver sums every layout-shift entry without recent
//   input (CLS as the page's whole session, which here is one short window).
// - Banner visible: a requestAnimationFrame loop (once per frame, right before the frame renders)
//   looks for the library's accept button; the first frame in which it exists, passes
//   checkVisibility({ opacityProperty, visibilityProperty }) and has a non-empty box inside the
//   viewport is "visible". It records performance.now() (ms since navigation start), calls the
//   binding __benchVisible so the driver reads the main-thread metrics at once, and stops.
//   It also records the first frame in which the button has a box at all, visible or not
//   ("in layout"): libraries that fade in (or wait before they do) differ there.
// - On the returning visit (sessionStorage 'bench-returning') the loop does not run: the
//   banner's own work is measured without the probe's.
export function probeSource(visible) {
  const config = JSON.stringify(visible ?? null);
  return `(() => {
  if (window !== window.top) return;
  const config = ${config};
  const bench = (window.__bench = { cls: 0, shifts: 0, visibleAt: null, inLayoutAt: null });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      bench.cls += entry.value;
      bench.shifts += 1;
    }
  }).observe({ type: 'layout-shift', buffered: true });
  if (!config || sessionStorage.getItem('bench-returning')) return;
  const find = () => {
    const root = config.host ? document.querySelector(config.host)?.shadowRoot : document;
    return root ? root.querySelector(config.selector) : null;
  };
  const isVisible = (element) => {
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
  };
  const tick = () => {
    const element = find();
    if (element && bench.inLayoutAt === null) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) bench.inLayoutAt = performance.now();
    }
    if (element && isVisible(element)) {
      bench.visibleAt = performance.now();
      if (typeof window.__benchVisible === 'function') window.__benchVisible(String(bench.visibleAt));
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;
}
