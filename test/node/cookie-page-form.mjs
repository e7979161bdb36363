// What the Node tests of the cookie page's form share: the fields a browser posts from the HTML
// that renderPreferencesFallback writes, and how consentCookieHandler answers them.

/**
 * The fields a browser submits from the form in `html`: the checkboxes whose values are in
 * `ticked`, the button of `method` ("Keuze opslaan" is `custom`) and every hidden field, in the
 * form's order.
 */
export function submittedFields(html, ticked, method = 'custom') {
  const fields = [];
  for (const [, type, name, value] of html.matchAll(/<(?:input type="(checkbox|hidden)"|button type="submit") name="([^"]+)" value="([^"]*)"/g)) {
    if (type === 'hidden' || (type === 'checkbox' && ticked.includes(value)) || (!type && value === method)) fields.push([name, value]);
  }
  return fields;
}

/** How `handler` answers a POST of `fields` (the form's urlencoded body) from a page of the site: its status and headers. */
export async function postForm(handler, fields) {
  const body = new URLSearchParams(fields).toString();
  const listeners = {};
  const request = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' }, on: (event, listener) => (listeners[event] = listener) };
  const headers = {};
  const statusCode = await new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('no answer within 5 s')), 5000).unref();
    const response = { statusCode: 200, setHeader: (key, text) => (headers[key.toLowerCase()] = text), end: () => resolve(response.statusCode) };
    handler(request, response);
    listeners.data(Buffer.from(body));
    listeners.end();
  });
  return { statusCode, headers };
}
