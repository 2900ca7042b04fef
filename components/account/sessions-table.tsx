import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactElement } from "react";
import type { SessionRow } from "@/lib/server/account/sessions";
import { EndOtherSessionsButton, EndSessionButton } from "./session-buttons";

/** The person's sessions, this one first: where (a coarse browser and system), since when, last seen. */
export async function SessionsTable({ sessions }: { sessions: SessionRow[] }): Promise<ReactElement> {
  const [t, format] = await Promise.all([getTranslations("account.sessions"), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const describe = (session: SessionRow) =>
    session.browser && session.os
      ? t("agent", { browser: session.browser, os: session.os })
      : session.browser
        ? session.browser
        : session.os
          ? t("agentUnknownBrowser", { os: session.os })
          : t("agentUnknown");
  const others = sessions.filter((session) => !session.current).length;
  return (
    <>
      <div className="table-scroll">
        <table className="data-table" data-testid="sessions">
          <caption className="visually-hidden">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("device")}</th>
              <th scope="col">{t("started")}</th>
              <th scope="col">{t("lastSeen")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id}>
                <td>
                  {describe(session)} {session.current ? <span className="badge badge-ok">{t("current")}</span> : null}
                </td>
                <td>
                  <time dateTime={session.createdAt.toISOString()}>{when(session.createdAt)}</time>
                </td>
                <td>
                  <time dateTime={session.lastSeenAt.toISOString()}>{when(session.lastSeenAt)}</time>
                </td>
                <td>{session.current ? <span className="muted">{t("currentHint")}</span> : <EndSessionButton sessionId={session.id} label={t("endLabel", { device: describe(session), started: when(session.createdAt) })} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{t("timesInUtc")}</p>
      {others > 0 ? <EndOtherSessionsButton /> : <p>{t("noOthers")}</p>}
    </>
  );
}
