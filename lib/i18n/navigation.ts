import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

/**
 * Locale-aware stand-ins for next/link and next/navigation: `href="/recommendations?cycle=3"` becomes
 * `/zh/recommendations?cycle=3` on a Chinese page. Use these for every internal link, redirect and router call.
 */
export const { Link, redirect, usePathname, useRouter, getPathname } = createNavigation(routing);
