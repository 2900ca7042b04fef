/** `variants=off` searches the exact words typed; the default, `on`, also searches their spelling variants. */
export const VARIANT_MODES = ["on", "off"] as const;
export type VariantMode = (typeof VARIANT_MODES)[number];
