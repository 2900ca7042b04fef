import { revalidatePath } from "next/cache";
import { routing } from "./routing";

/**
 * `revalidatePath` for a page path without its locale (`/recommendations/12`): every page exists once per locale
 * (`/en/recommendations/12`, `/zh/recommendations/12`), and a write changes them all.
 */
export function revalidateLocalizedPath(path: string, type?: "layout" | "page"): void {
  for (const locale of routing.locales) revalidatePath(`/${locale}${path === "/" ? "" : path}`, type);
}
