import { notFound } from "next/navigation";

/** Any other path inside a locale: the localised not-found page (app/[locale]/not-found.tsx) with the site's chrome. */
export default function CatchAllPage() {
  notFound();
}
