import { useFormatter, useTranslations } from "next-intl";
import { PageLinks } from "@/components/pagination/page-links";

/** The pages of the table of what a State recommended (`?page=2`), with which rows are shown ("Rows 51–100 of 340"). */
export function TablePages({ path, page, pageSize, total, anchor }: { path: string; page: number; pageSize: number; total: number; anchor: string }) {
  const t = useTranslations("states.pages");
  const format = useFormatter();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <PageLinks
      href={(n) => `${path}${n > 1 ? `?page=${n}` : ""}#${anchor}`}
      page={page}
      pages={pages}
      label={t("label")}
      position={t("rows", { from: format.number(from), to: format.number(to), total: format.number(total), page, pages })}
    />
  );
}
