/** A UN document's page: each part of its symbol percent-encoded, "/" kept as the separator (app/[locale]/documents/[...symbol]). */
export function documentHref(symbol: string): string {
  return `/documents/${symbol.split("/").map(encodeURIComponent).join("/")}`;
}

/** A finding's page. */
export function findingHref(id: number): string {
  return `/findings/${id}`;
}
