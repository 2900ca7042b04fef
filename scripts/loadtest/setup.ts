/** What both kinds of database need before the load: a member who may write notes, the recommendations to use, and a count of notes found. */
import { withClient } from "@/lib/database/postgres";
import { disconnectDb } from "@/lib/server/db";

export const MEMBER = { email: "loadtest-member@example.org", password: "a long enough load test passphrase", organization: "loadtest-org" };

/** The member (an editor of an organisation of their own), through the app's own account code. */
export async function addMember(databaseUrl: string): Promise<void> {
  process.env.DATABASE_URL = databaseUrl;
  const { addUser, createOrganization } = await import("@/lib/server/accounts");
  await createOrganization({ kind: "operator" }, MEMBER.organization);
  await addUser({ kind: "operator" }, { email: MEMBER.email, password: MEMBER.password, name: "Load test member", organization: { name: MEMBER.organization, role: "editor" } });
  await disconnectDb();
}

/** A recommendation of China's third cycle (the real data), for its page and its notes. */
export function pickRecommendations(url: string): Promise<number[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ id: number }>(
      `SELECT r.id FROM "Recommendation" r JOIN "Review" v ON v.id = r."reviewId" WHERE v.cycle = 3 ORDER BY r.id LIMIT 1`,
    );
    if (rows.length === 0) throw new Error("the database holds no recommendation of cycle 3: was the real data loaded?");
    return rows.map((row) => row.id);
  });
}

/** How many of the notes `ids` exist. */
export function countNotes(url: string, ids: string[]): Promise<number> {
  return withClient(url, async (client) => (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Note" WHERE id = ANY($1::text[])`, [ids])).rows[0]!.n);
}
