import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/**", ".next/**", ".data/**", "prisma/generated/**", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    // Machines stay pure: no I/O, no React, no Node, no Prisma (DESIGN.md).
    files: ["machines/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["node:*", "react", "@/app/*", "@/prisma/*", "@/kiosk/*", "fs", "path", "pkcs11js"] },
      ],
    },
  },
  {
    // command-line programs talk to the person running them
    files: ["test/**", "kiosk/setup/**", "kiosk/demo.ts", "kiosk/pki/cli.ts", "prisma/seed.ts"],
    rules: { "no-console": "off" },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    languageOptions: { globals: globals.node },
  },
);
