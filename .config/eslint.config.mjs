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
    // Machines stay pure: no I/O, no React, no Node, no Prisma (DESIGN.md). The app, the database
    // and the hardware are out of reach by alias or by relative path alike; the one door left
    // open is app/_shared, and only for types (the result shapes the machines are provided with).
    files: ["machines/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "react", "fs", "path", "pkcs11js"],
              message: "Machines stay pure: no I/O, no React, no Node APIs.",
            },
            {
              // out of machines/ (by alias or relative path) into the app, the hardware, the database
              regex: String.raw`^(@/|(\.\./)+)(kiosk|prisma|app(?!/_shared(/|$)))(/|$)`,
              message:
                "Machines name their effects and never import them: the app provides them (machine.provide).",
            },
            {
              regex: String.raw`^(@/|(\.\./)+)app/_shared(/|$)`,
              allowTypeImports: true,
              message: "Machines take only types from app/_shared (import type).",
            },
          ],
        },
      ],
    },
  },
  {
    // command-line programs talk to the person running them
    files: [
      "test/**",
      "kiosk/setup/**",
      "kiosk/demo.ts",
      "kiosk/pki/cli.ts",
      "prisma/seed.ts",
      "prisma/migrate.ts",
      "prisma/derive-postgres.ts",
    ],
    rules: { "no-console": "off" },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    languageOptions: { globals: globals.node },
  },
);
