-- Every committed write that can change a public page notifies the channel "upr_data_changed" (once per
-- transaction: PostgreSQL folds identical notifications of one transaction, and delivers them only at commit). The
-- servers of the app listen and empty their cache of anonymous pages (lib/http/data-changes.ts, lib/http/page-cache.ts).
-- Tables that never change what an anonymous reader sees (sessions, accounts, rate limits, private notes, the audit
-- log, the stats summaries that readers refresh) have no such trigger, and tests/integration/data-changes.test.ts lists
-- both kinds, so a new table must be put in one of them.
-- The body is an E'' string with \073 for its semicolons, as in the stats migration: Prisma splits migration files
-- on semicolons, dollar quotes included.
CREATE FUNCTION "upr_notify_data_changed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM pg_notify(''upr_data_changed'', '''')\073
  RETURN NULL\073
END\073
';

CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Country" FOR EACH STATEMENT EXECUTE FUNCTION "upr_notify_data_changed"();
CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Review" FOR EACH STATEMENT EXECUTE FUNCTION "upr_notify_data_changed"();
CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ReportedResponseCount" FOR EACH STATEMENT EXECUTE FUNCTION "upr_notify_data_changed"();
CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SourceDocument" FOR EACH STATEMENT EXECUTE FUNCTION "upr_notify_data_changed"();
CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Recommendation" FOR EACH STATEMENT EXECUTE FUNCTION "upr_notify_data_changed"();
CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ActionCategoryOverride" FOR EACH STATEMENT EXECUTE FUNCTION "upr_notify_data_changed"();
CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RecommendationText" FOR EACH STATEMENT EXECUTE FUNCTION "upr_notify_data_changed"();
CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RecommendationState" FOR EACH STATEMENT EXECUTE FUNCTION "upr_notify_data_changed"();
CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Theme" FOR EACH STATEMENT EXECUTE FUNCTION "upr_notify_data_changed"();
CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RecommendationTheme" FOR EACH STATEMENT EXECUTE FUNCTION "upr_notify_data_changed"();
CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "User" FOR EACH STATEMENT EXECUTE FUNCTION "upr_notify_data_changed"();
CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Organization" FOR EACH STATEMENT EXECUTE FUNCTION "upr_notify_data_changed"();
CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Assessment" FOR EACH STATEMENT EXECUTE FUNCTION "upr_notify_data_changed"();
CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Evidence" FOR EACH STATEMENT EXECUTE FUNCTION "upr_notify_data_changed"();
CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RecommendationLink" FOR EACH STATEMENT EXECUTE FUNCTION "upr_notify_data_changed"();
CREATE TRIGGER "data_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "RecommendationSimilarityPart" FOR EACH STATEMENT EXECUTE FUNCTION "upr_notify_data_changed"();
