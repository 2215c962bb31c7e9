// Stand-in for the "server-only" marker package under vitest (see test/vitest.config.mts).
export {};
