// The HTTP API: JSON in and out, the session's CSRF token on every write, and problem documents
// (RFC 9457) turned into an ApiError with a { field → message } map.

export class ApiError extends Error {
  constructor({ status, title, detail, fields }) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.fields = fields;
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function createApi() {
  let csrfToken = null;

  async function request(method, path, { body, signal, query } = {}) {
    const headers = { Accept: 'application/json, application/geo+json, application/problem+json' };
    if (WRITES.has(method) || body !== undefined) headers['Content-Type'] = 'application/json';
    if (WRITES.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
    const url = query ? `${path}?${toQuery(query)}` : path;
    const response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials: 'same-origin',
    });
    const text = await response.text();
    const data = text ? safeJson(text) : null;
    if (!response.ok) throw new ApiError({ status: response.status, ...problemOf(data) });
    return data;
  }

  return {
    get: (path, options) => request('GET', path, options),
    post: (path, body, options) => request('POST', path, { ...options, body }),
    put: (path, body, options) => request('PUT', path, { ...options, body }),
    patch: (path, body, options) => request('PATCH', path, { ...options, body }),
    delete: (path, options) => request('DELETE', path, options),
    upload: (path, form, options) => upload(path, form, { ...options, csrfToken }),
    setCsrfToken(token) { csrfToken = token ?? null; },
  };
}

/**
 * Sends a FormData (a photo) with XMLHttpRequest, which, unlike fetch, reports the upload's
 * progress: onProgress(fraction) while it goes, then the JSON answer or an ApiError as request() does.
 */
function upload(path, form, { onProgress, csrfToken }) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      const data = xhr.responseText ? safeJson(xhr.responseText) : null;
      if (xhr.status >= 200 && xhr.status < 300) resolve(data);
      else reject(new ApiError({ status: xhr.status, ...problemOf(data) }));
    });
    xhr.addEventListener('error', () => reject(new ApiError({ status: 0, detail: '' })));
    xhr.send(form);
  });
}

function toQuery(query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, value);
  }
  return params.toString();
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function problemOf(data) {
  const fields = {};
  for (const error of data?.errors ?? []) {
    if (error.field && !(error.field in fields)) fields[error.field] = error.detail;
  }
  return { title: data?.title, detail: data?.detail, fields };
}

/** True when an aborted fetch is the reason, which is not an error to show. */
export function isAbort(error) {
  return error?.name === 'AbortError';
}
