import { createNavigation } from "next-intl/navigation";
import type { ComponentProps, ReactElement } from "react";
import { routing } from "./routing";

const navigation = createNavigation(routing);

/**
 * Locale-aware stand-ins for next/link and next/navigation: `href="/recommendations?cycle=3"` becomes
 * `/zh/recommendations?cycle=3` on a Chinese page. Use these for every internal link, redirect and router call.
 */
export const { redirect, usePathname, useRouter, getPathname } = navigation;

/**
 * next-intl's Link, not prefetched unless asked: a page of results, facets or a table holds dozens of links, and
 * prefetching each route costs a slow link more than the page itself. The header's few links pass `prefetch`.
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof navigation.Link>): ReactElement {
  return <navigation.Link prefetch={prefetch} {...props} />;
}
