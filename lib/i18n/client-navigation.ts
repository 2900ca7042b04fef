import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

/**
 * A client component's locale-aware router (`router.push("/")` opens `/zh` on a Chinese page), from next-intl. Only
 * client components that navigate import it, inside their page's provider (components/i18n/client-messages.tsx); links
 * and redirects come from lib/i18n/navigation.tsx, which carries none of next-intl's client code.
 */
export const { useRouter } = createNavigation(routing);
