import type { ReactNode } from "react";
import "./globals.css";

/**
 * The pages' own layout, with `<html lang>`, is app/[locale]/layout.tsx. This one only lets app/not-found.tsx (a path
 * outside both locales, such as an unknown /api/ address) render its own document.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
