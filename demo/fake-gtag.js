// A FAKE Google tag (gtag.js) for the demo: it tracks nothing and sends nothing (no request leaves
// the page). Like the real gtag.js it reads the commands already in `window.dataLayer` when it
// loads (the consent default from the head snippet, the banner's update, the page's js/config),
// then replaces dataLayer.push to read each new one at once. It lists what it reads and keeps the
// four Consent Mode signals, so that testers see the default and every update.
//
// Like the real tag with analytics_storage granted it sets `_ga` and `_ga_<id>` (here with the
// value "nep"); it never deletes them itself, so testers see the banner remove them on withdrawal (L12).
(() => {
  const en = document.documentElement.lang === 'en';
  const panel = window.demoPanel;
  const dataLayer = (window.dataLayer = window.dataLayer || []);
  const signals = {};
  const received = [];
  let measurementId = '';
  let pageViews = 0;
  window.fakeGtag = { received, signals };

  const say = (nl, english) => (en ? english : nl);
  const isArguments = (entry) => Object.prototype.toString.call(entry) === '[object Arguments]';

  function countPageView() {
    if (signals.analytics_storage !== 'granted') {
      return say(
        '→ analytics_storage is denied: meet niets en zet geen cookies',
        '→ analytics_storage is denied: counts nothing and sets no cookie',
      );
    }
    pageViews += 1;
    const suffix = measurementId.replace(/^G-/, '');
    document.cookie = `_ga=GA1.1.nep; Path=/; Max-Age=${395 * 86400}; SameSite=Lax`;
    document.cookie = `_ga_${suffix}=nep; Path=/; Max-Age=${395 * 86400}; SameSite=Lax`;
    return say(
      `→ zou een paginaweergave meten (de nep-tag verstuurt niets) en zet _ga en _ga_${suffix}`,
      `→ would count a page view (the fake tag sends nothing) and sets _ga and _ga_${suffix}`,
    );
  }

  function apply([command, action, value]) {
    if (command === 'consent' && (action === 'default' || action === 'update')) {
      const wasGranted = signals.analytics_storage === 'granted';
      for (const [signal, setting] of Object.entries(value ?? {})) {
        if (signal !== 'wait_for_update' && signal !== 'region') signals[signal] = setting;
      }
      if (action === 'update' && measurementId && !wasGranted && signals.analytics_storage === 'granted') return countPageView();
      if (wasGranted && signals.analytics_storage !== 'granted') {
        return say('→ meet niet meer (cookies laat de tag staan; die ruimt de banner op)', '→ counts nothing more (the tag leaves its cookies; the banner removes them)');
      }
      return say('→ signalen bijgewerkt', '→ signals updated');
    }
    if (command === 'js') return say('→ tag gestart', '→ tag started');
    if (command === 'config') {
      measurementId = String(action);
      return countPageView();
    }
    return '';
  }

  function receive(entry, queued) {
    received.push(entry);
    const note = isArguments(entry) ? apply(Array.from(entry)) : say('→ geen opdracht (geen arguments-object)', '→ not a command (not an arguments object)');
    panel?.toolLog(panel.formatEntry(entry), `${queued ? say('(al in dataLayer) ', '(already in dataLayer) ') : ''}${note}`);
    panel?.toolStatus(status());
  }

  function status() {
    const list = Object.entries(signals)
      .map(([signal, setting]) => `${signal} ${setting}`)
      .join(', ');
    return say(
      `Nep-Google-tag geladen. Signalen nu: ${list || 'geen'}. Paginaweergaven die meetellen: ${pageViews}.`,
      `Fake Google tag loaded. Signals now: ${list || 'none'}. Page views counted: ${pageViews}.`,
    );
  }

  panel?.toolLoaded(status());
  for (const entry of [...dataLayer]) receive(entry, true);
  const push = dataLayer.push;
  dataLayer.push = function (...entries) {
    const result = push.apply(this, entries);
    for (const entry of entries) receive(entry, false);
    return result;
  };
})();
