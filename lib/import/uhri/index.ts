/** The Universal Human Rights Index (UHRI) exports: the 16-column xlsx and the JSON. */
export { UHRI_COLUMNS } from "./columns";
export { looksLikeUhriJson, parseUhriJson } from "./json";
export { parseUhriXlsx } from "./xlsx";
