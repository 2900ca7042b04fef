import { getRecommendationDetail, listRelatedRecommendations } from "@/lib/server/recommendation-detail";
import { listAssessments } from "@/lib/server/assessments";
import { getRecurrence, listRecurrenceChain, listRecurrenceSuggestions } from "@/lib/server/recurrence";
import { getActionCategory } from "@/lib/server/action-categories";
import { listNotes } from "@/lib/server/notes";
import { getDb } from "@/lib/server/db";
async function time(name: string, f: () => Promise<unknown>) {
  const ts: number[] = [];
  for (let i = 0; i < 5; i++) { const t = performance.now(); await f(); ts.push(performance.now() - t); }
  ts.sort((a, b) => a - b);
  console.log(name.padEnd(28), ts.map((t) => t.toFixed(1)).join(" "));
}
async function main() {
  for (const id of [100, 249000]) {
    console.log("id", id);
    await time("detail", () => getRecommendationDetail(id));
    await time("related", () => listRelatedRecommendations(id));
    await time("assessments(anon)", () => listAssessments(null, id));
    await time("recurrence", () => getRecurrence(id));
    await time("chain", () => listRecurrenceChain(id));
    await time("suggestions", () => listRecurrenceSuggestions(id));
    await time("actionCategory", () => getActionCategory(id));
    await time("notes(anon)", () => listNotes(null, id));
  }
  await getDb().$disconnect();
}
main();
