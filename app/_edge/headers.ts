// The security headers of every response (issue 12 item 1), as pure functions: proxy.ts applies
// them per request, next.config.js repeats STATIC_HEADERS for /_next/static (the proxy does not
// run there), and test/unit/edge-headers.test.ts checks both.

/** The request header Next reads the nonce from is the CSP itself; x-nonce is for our own code. */
export const NONCE_HEADER = "x-nonce";

/** 128 random bits, base64: unguessable and fresh for every request, as a nonce must be. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Features the kiosk and the console never use, denied to the page and every frame. Only names
 * Chromium knows: an unknown one logs a console error on every page.
 */
const DENIED_FEATURES = [
  "accelerometer",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
];

/** Headers that do not depend on the request: every response, static files included. */
export const STATIC_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Permissions-Policy": DENIED_FEATURES.map((f) => `${f}=()`).join(", "),
  "Cross-Origin-Opener-Policy": "same-origin",
  // frame-ancestors says the same to every browser that knows CSP; this is for those that do not
  "X-Frame-Options": "DENY",
};

/** The CSP of a file that is no page (static JS/CSS): it runs nothing and nobody frames it. */
export const STATIC_CSP = "default-src 'none'; frame-ancestors 'none'";

function policy(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(" "))
    .join("; ");
}

/**
 * The CSP of a page, a route or an action answer. Scripts only with this request's nonce (Next
 * puts it on its own scripts when it renders the page; 'strict-dynamic' lets them load the
 * chunks); 'unsafe-eval' only under `next dev`, whose React debugging needs eval.
 */
export function pageCsp(nonce: string, dev = false): string {
  return policy({
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Styles keep 'unsafe-inline': React's style={{…}} attributes (the print frame, bars and
    // widths) cannot carry a nonce, and a nonce here would make browsers ignore 'unsafe-inline'.
    // A style cannot run code; scripts stay nonce-only.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    // the kiosk prints the receipt from a blob: frame and shows it in a same-origin frame
    "frame-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  });
}

/**
 * The receipt PDF (/receipts/<番号>): the kiosk's 受付票（PDF） dialog frames it from the same
 * origin, so it may be framed by 'self' only; it runs no script of ours.
 */
export function receiptCsp(): string {
  return policy({
    "default-src": ["'none'"],
    "frame-ancestors": ["'self'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
  });
}

/** Paths whose answer is a receipt PDF the kiosk frames from its own page. */
export function isReceiptPath(pathname: string): boolean {
  return /^\/receipts\/[^/]+\/?$/.test(pathname);
}

/** Every security header of one response to `pathname`. */
export function securityHeaders(pathname: string, nonce: string, dev = false): Record<string, string> {
  if (isReceiptPath(pathname)) {
    return { ...STATIC_HEADERS, "X-Frame-Options": "SAMEORIGIN", "Content-Security-Policy": receiptCsp() };
  }
  return { ...STATIC_HEADERS, "Content-Security-Policy": pageCsp(nonce, dev) };
}
