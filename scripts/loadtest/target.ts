import type { Outage } from "./report";

/** An app under load on one kind of database, with its fault (times in ms since the epoch) and its notes counted afterwards. */
export type LoadTarget = {
  origin: string;
  cookie: string;
  recommendationIds: number[];
  fault: () => Promise<Outage>;
  countNotes: (ids: string[]) => Promise<number>;
  stop: () => Promise<void>;
};
