// The demo's live panel: the current decision, the cookie's raw value and a log of every event.
const banner = document.querySelector('consent-banner');
const decision = document.getElementById('decision');
const cookieValue = document.getElementById('cookie-value');
const log = document.getElementById('event-log');

function show() {
  const consent = banner.consent;
  decision.textContent = consent
    ? `${consent.method} op ${new Date(consent.decidedAt).toLocaleString('nl-NL')}: ${Object.entries(consent.categories)
        .map(([id, granted]) => `${id} ${granted ? 'aan' : 'uit'}`)
        .join(', ')}`
    : 'Nog geen keuze';
  const cookie = document.cookie.split('; ').find((pair) => pair.startsWith(`${banner.cookieName ?? 'consent_banner'}=`));
  cookieValue.replaceChildren(Object.assign(document.createElement('code'), { textContent: cookie ?? '(geen)' }));
}

for (const type of ['consent-ready', 'consent-change']) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString('nl-NL')} ${type} ${JSON.stringify(event.detail)}`;
    log.append(item);
    show();
  });
}

document.getElementById('forget').addEventListener('click', () => banner.reset());
customElements.whenDefined('consent-banner').then(show);
