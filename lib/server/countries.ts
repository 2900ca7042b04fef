import "server-only";
import { COUNTRIES } from "@/lib/countries";
import type { Db } from "./db";
import { refreshRecommendationSearchIndex } from "./recommendation-index";

type Tx = Pick<Db, "country" | "$executeRaw">;

/** Makes the Country table equal the 193 UN Member States and 2 observers. Idempotent. */
export async function syncCountries(db: Tx): Promise<number> {
  const existing = await db.country.findMany();
  const byIso3 = new Map(existing.map((country) => [country.iso3, country]));
  let written = 0;
  for (const country of COUNTRIES) {
    const data = {
      iso2: country.iso2,
      name: country.name,
      officialName: country.officialName,
      regionalGroup: country.regionalGroup,
      unStatus: country.unStatus,
    };
    const current = byIso3.get(country.iso3);
    if (current && Object.entries(data).every(([key, value]) => current[key as keyof typeof data] === value)) continue;
    await db.country.upsert({ where: { iso3: country.iso3 }, create: { iso3: country.iso3, ...data }, update: data });
    written++;
  }
  // A State that changed regional group changes the regions of the recommendations it made.
  if (written > 0 && existing.length > 0) await refreshRecommendationSearchIndex(db);
  return written;
}
