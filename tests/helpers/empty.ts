// Stands in for the `server-only` marker package outside Next (vitest), where it would throw.
export {};
