import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { connection } from "next/server";
import { StateIndex } from "@/components/states/state-index";
import { listStateSummaries } from "@/lib/server/states";

export const metadata: Metadata = { title: "States" };

export default async function StatesPage() {
  await connection();
  const { recommending, underReview } = await listStateSummaries();
  return (
    <>
      <h1>States</h1>
      <p className="lede">
        Every State that made a recommendation in the reviews loaded here, by UN regional group. Open a State to see what it recommended, to whom,
        and how each recommendation was answered.
      </p>
      {underReview.length > 0 ? (
        <p>
          States under review:{" "}
          {underReview.map((state, index) => (
            <span key={state.iso3}>
              {index > 0 ? ", " : ""}
              <Link href={`/states/${state.iso3}`}>{state.name}</Link>
            </span>
          ))}
        </p>
      ) : null}
      {recommending.length > 0 ? (
        <StateIndex states={recommending} />
      ) : (
        <div className="empty-state" role="status">
          <h2>No recommendations loaded yet</h2>
        </div>
      )}
    </>
  );
}
