-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "pending" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "LoginThrottle_windowStart_idx" ON "LoginThrottle"("windowStart");

-- Reserves one login attempt under every counter in `keys`, or none when any counter's
-- failures plus the attempts being checked reach its maximum; returns 0 when reserved, else
-- the seconds until the blocking window ends (server/src/auth/login.ts). One round trip and
-- one transaction: the INSERT creates or locks the counters (callers sort the keys, so locks
-- are always taken in the same order and never deadlock; a counter whose window has passed
-- starts again), and the statements after it take a fresh snapshot under those locks, so
-- concurrent attempts on one counter, from any server instance, are checked one at a time.
CREATE FUNCTION "welkom_reserve_login_attempt"(keys text[], maxima integer[], window_seconds integer)
  RETURNS integer LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  window_length constant interval := make_interval(secs => window_seconds);
  blocked_until timestamptz;
BEGIN
  INSERT INTO "LoginThrottle" ("key", "failures", "pending", "windowStart")
  SELECT k.counter, 0, 0, now() FROM unnest(keys) WITH ORDINALITY AS k(counter, n) ORDER BY k.n
  ON CONFLICT ("key") DO UPDATE SET
    "failures" = CASE WHEN "LoginThrottle"."windowStart" <= now() - window_length THEN 0 ELSE "LoginThrottle"."failures" END,
    "pending" = CASE WHEN "LoginThrottle"."windowStart" <= now() - window_length THEN 0 ELSE "LoginThrottle"."pending" END,
    "windowStart" = CASE
      WHEN "LoginThrottle"."windowStart" <= now() - window_length
        OR ("LoginThrottle"."failures" = 0 AND "LoginThrottle"."pending" = 0) THEN now()
      ELSE "LoginThrottle"."windowStart" END;

  SELECT max(t."windowStart") + window_length INTO blocked_until
    FROM "LoginThrottle" t JOIN unnest(keys, maxima) AS l(counter, maximum) ON l.counter = t."key"
   WHERE t."failures" + t."pending" >= l.maximum;
  IF blocked_until IS NOT NULL THEN
    RETURN greatest(1, ceil(extract(epoch FROM blocked_until - now()))::integer);
  END IF;

  UPDATE "LoginThrottle" SET "pending" = "pending" + 1 WHERE "key" = ANY (keys);
  RETURN 0;
END
$$;

-- Search (the `q` filter): case- and accent-insensitive ("oekraine" finds "Oekraïne"),
-- served by trigram indexes. unaccent() is only STABLE (its dictionary could change), so an
-- index cannot use it directly; this wrapper names the dictionary explicitly and is declared
-- IMMUTABLE, the usual way to index it. Schema-qualified, so a restore with an empty
-- search_path still rebuilds the indexes. These functions and expression indexes cannot be
-- written in schema.prisma: they live here only (the drift check leaves expression indexes
-- out; server/src/crud/search.test.ts checks that every searched column has its index).
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

CREATE FUNCTION "welkom_search_text"(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

CREATE FUNCTION "welkom_search_text"(text[]) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, array_to_string($1, ' '))) $$;

CREATE INDEX "Action_code_search_idx" ON "Action" USING gin (welkom_search_text("code") public.gin_trgm_ops);
CREATE INDEX "Action_letter_search_idx" ON "Action" USING gin (welkom_search_text("letter") public.gin_trgm_ops);
CREATE INDEX "Action_description_search_idx" ON "Action" USING gin (welkom_search_text("description") public.gin_trgm_ops);
CREATE INDEX "Action_targetGroupsText_search_idx" ON "Action" USING gin (welkom_search_text("targetGroupsText") public.gin_trgm_ops);
CREATE INDEX "Action_organisationsText_search_idx" ON "Action" USING gin (welkom_search_text("organisationsText") public.gin_trgm_ops);
CREATE INDEX "Action_timingText_search_idx" ON "Action" USING gin (welkom_search_text("timingText") public.gin_trgm_ops);
CREATE INDEX "Action_owner_search_idx" ON "Action" USING gin (welkom_search_text("owner") public.gin_trgm_ops);
CREATE INDEX "Action_notes_search_idx" ON "Action" USING gin (welkom_search_text("notes") public.gin_trgm_ops);
CREATE INDEX "Advice_topic_search_idx" ON "Advice" USING gin (welkom_search_text("topic") public.gin_trgm_ops);
CREATE INDEX "Advice_content_search_idx" ON "Advice" USING gin (welkom_search_text("content") public.gin_trgm_ops);
CREATE INDEX "Advice_response_search_idx" ON "Advice" USING gin (welkom_search_text("response") public.gin_trgm_ops);
CREATE INDEX "BudgetAmount_fundingSource_search_idx" ON "BudgetAmount" USING gin (welkom_search_text("fundingSource") public.gin_trgm_ops);
CREATE INDEX "BudgetLine_code_search_idx" ON "BudgetLine" USING gin (welkom_search_text("code") public.gin_trgm_ops);
CREATE INDEX "BudgetLine_title_search_idx" ON "BudgetLine" USING gin (welkom_search_text("title") public.gin_trgm_ops);
CREATE INDEX "BudgetLine_sourceText_search_idx" ON "BudgetLine" USING gin (welkom_search_text("sourceText") public.gin_trgm_ops);
CREATE INDEX "BudgetStatedTotal_sourceText_search_idx" ON "BudgetStatedTotal" USING gin (welkom_search_text("sourceText") public.gin_trgm_ops);
CREATE INDEX "DataQualityNote_key_search_idx" ON "DataQualityNote" USING gin (welkom_search_text("key") public.gin_trgm_ops);
CREATE INDEX "DataQualityNote_title_search_idx" ON "DataQualityNote" USING gin (welkom_search_text("title") public.gin_trgm_ops);
CREATE INDEX "DataQualityNote_description_search_idx" ON "DataQualityNote" USING gin (welkom_search_text("description") public.gin_trgm_ops);
CREATE INDEX "DataQualityNote_sourceExcerpt_search_idx" ON "DataQualityNote" USING gin (welkom_search_text("sourceExcerpt") public.gin_trgm_ops);
CREATE INDEX "Goal_code_search_idx" ON "Goal" USING gin (welkom_search_text("code") public.gin_trgm_ops);
CREATE INDEX "Goal_text_search_idx" ON "Goal" USING gin (welkom_search_text("text") public.gin_trgm_ops);
CREATE INDEX "Goal_subPoints_search_idx" ON "Goal" USING gin (welkom_search_text("subPoints") public.gin_trgm_ops);
CREATE INDEX "Indicator_code_search_idx" ON "Indicator" USING gin (welkom_search_text("code") public.gin_trgm_ops);
CREATE INDEX "Indicator_name_search_idx" ON "Indicator" USING gin (welkom_search_text("name") public.gin_trgm_ops);
CREATE INDEX "Indicator_unit_search_idx" ON "Indicator" USING gin (welkom_search_text("unit") public.gin_trgm_ops);
CREATE INDEX "Indicator_targetText_search_idx" ON "Indicator" USING gin (welkom_search_text("targetText") public.gin_trgm_ops);
CREATE INDEX "Indicator_description_search_idx" ON "Indicator" USING gin (welkom_search_text("description") public.gin_trgm_ops);
CREATE INDEX "Location_code_search_idx" ON "Location" USING gin (welkom_search_text("code") public.gin_trgm_ops);
CREATE INDEX "Location_name_search_idx" ON "Location" USING gin (welkom_search_text("name") public.gin_trgm_ops);
CREATE INDEX "Location_operator_search_idx" ON "Location" USING gin (welkom_search_text("operator") public.gin_trgm_ops);
CREATE INDEX "Location_address_search_idx" ON "Location" USING gin (welkom_search_text("address") public.gin_trgm_ops);
CREATE INDEX "Location_closesText_search_idx" ON "Location" USING gin (welkom_search_text("closesText") public.gin_trgm_ops);
CREATE INDEX "Location_sourceText_search_idx" ON "Location" USING gin (welkom_search_text("sourceText") public.gin_trgm_ops);
CREATE INDEX "Location_notes_search_idx" ON "Location" USING gin (welkom_search_text("notes") public.gin_trgm_ops);
CREATE INDEX "LocationCapacity_key_search_idx" ON "LocationCapacity" USING gin (welkom_search_text("key") public.gin_trgm_ops);
CREATE INDEX "LocationCapacity_sourceText_search_idx" ON "LocationCapacity" USING gin (welkom_search_text("sourceText") public.gin_trgm_ops);
CREATE INDEX "Measurement_key_search_idx" ON "Measurement" USING gin (welkom_search_text("key") public.gin_trgm_ops);
CREATE INDEX "Measurement_dateText_search_idx" ON "Measurement" USING gin (welkom_search_text("dateText") public.gin_trgm_ops);
CREATE INDEX "Measurement_qualifier_search_idx" ON "Measurement" USING gin (welkom_search_text("qualifier") public.gin_trgm_ops);
CREATE INDEX "Measurement_sourceText_search_idx" ON "Measurement" USING gin (welkom_search_text("sourceText") public.gin_trgm_ops);
CREATE INDEX "Measurement_comment_search_idx" ON "Measurement" USING gin (welkom_search_text("comment") public.gin_trgm_ops);
CREATE INDEX "PanelMeeting_topic_search_idx" ON "PanelMeeting" USING gin (welkom_search_text("topic") public.gin_trgm_ops);
CREATE INDEX "PanelMeeting_place_search_idx" ON "PanelMeeting" USING gin (welkom_search_text("place") public.gin_trgm_ops);
CREATE INDEX "PanelMeeting_minutes_search_idx" ON "PanelMeeting" USING gin (welkom_search_text("minutes") public.gin_trgm_ops);
CREATE INDEX "PanelMember_name_search_idx" ON "PanelMember" USING gin (welkom_search_text("name") public.gin_trgm_ops);
CREATE INDEX "PanelMember_email_search_idx" ON "PanelMember" USING gin (welkom_search_text("email") public.gin_trgm_ops);
CREATE INDEX "PanelMember_phone_search_idx" ON "PanelMember" USING gin (welkom_search_text("phone") public.gin_trgm_ops);
CREATE INDEX "PanelMember_consentScope_search_idx" ON "PanelMember" USING gin (welkom_search_text("consentScope") public.gin_trgm_ops);
CREATE INDEX "PanelMember_notes_search_idx" ON "PanelMember" USING gin (welkom_search_text("notes") public.gin_trgm_ops);
CREATE INDEX "Partner_name_search_idx" ON "Partner" USING gin (welkom_search_text("name") public.gin_trgm_ops);
CREATE INDEX "Partner_aliases_search_idx" ON "Partner" USING gin (welkom_search_text("aliases") public.gin_trgm_ops);
CREATE INDEX "Partner_description_search_idx" ON "Partner" USING gin (welkom_search_text("description") public.gin_trgm_ops);
CREATE INDEX "Partner_website_search_idx" ON "Partner" USING gin (welkom_search_text("website") public.gin_trgm_ops);
CREATE INDEX "Precondition_text_search_idx" ON "Precondition" USING gin (welkom_search_text("text") public.gin_trgm_ops);
CREATE INDEX "Precondition_comment_search_idx" ON "Precondition" USING gin (welkom_search_text("comment") public.gin_trgm_ops);
CREATE INDEX "Quota_code_search_idx" ON "Quota" USING gin (welkom_search_text("code") public.gin_trgm_ops);
CREATE INDEX "Quota_name_search_idx" ON "Quota" USING gin (welkom_search_text("name") public.gin_trgm_ops);
CREATE INDEX "Quota_legalBasis_search_idx" ON "Quota" USING gin (welkom_search_text("legalBasis") public.gin_trgm_ops);
CREATE INDEX "Quota_unit_search_idx" ON "Quota" USING gin (welkom_search_text("unit") public.gin_trgm_ops);
CREATE INDEX "Quota_sourceText_search_idx" ON "Quota" USING gin (welkom_search_text("sourceText") public.gin_trgm_ops);
CREATE INDEX "Section_code_search_idx" ON "Section" USING gin (welkom_search_text("code") public.gin_trgm_ops);
CREATE INDEX "Section_title_search_idx" ON "Section" USING gin (welkom_search_text("title") public.gin_trgm_ops);
CREATE INDEX "Section_background_search_idx" ON "Section" USING gin (welkom_search_text("background") public.gin_trgm_ops);
CREATE INDEX "Section_currentState_search_idx" ON "Section" USING gin (welkom_search_text("currentState") public.gin_trgm_ops);
CREATE INDEX "SubsidyApplication_reference_search_idx" ON "SubsidyApplication" USING gin (welkom_search_text("reference") public.gin_trgm_ops);
CREATE INDEX "SubsidyApplication_contactName_search_idx" ON "SubsidyApplication" USING gin (welkom_search_text("contactName") public.gin_trgm_ops);
CREATE INDEX "SubsidyApplication_contactEmail_search_idx" ON "SubsidyApplication" USING gin (welkom_search_text("contactEmail") public.gin_trgm_ops);
CREATE INDEX "SubsidyApplication_contactPhone_search_idx" ON "SubsidyApplication" USING gin (welkom_search_text("contactPhone") public.gin_trgm_ops);
CREATE INDEX "SubsidyApplication_activity_search_idx" ON "SubsidyApplication" USING gin (welkom_search_text("activity") public.gin_trgm_ops);
CREATE INDEX "SubsidyApplication_description_search_idx" ON "SubsidyApplication" USING gin (welkom_search_text("description") public.gin_trgm_ops);
CREATE INDEX "SubsidyApplication_decisionGrounds_search_idx" ON "SubsidyApplication" USING gin (welkom_search_text("decisionGrounds") public.gin_trgm_ops);
CREATE INDEX "SubsidyScheme_name_search_idx" ON "SubsidyScheme" USING gin (welkom_search_text("name") public.gin_trgm_ops);
CREATE INDEX "SubsidyScheme_description_search_idx" ON "SubsidyScheme" USING gin (welkom_search_text("description") public.gin_trgm_ops);
CREATE INDEX "TargetGroup_name_search_idx" ON "TargetGroup" USING gin (welkom_search_text("name") public.gin_trgm_ops);
CREATE INDEX "TargetGroup_aliases_search_idx" ON "TargetGroup" USING gin (welkom_search_text("aliases") public.gin_trgm_ops);
CREATE INDEX "TargetGroup_description_search_idx" ON "TargetGroup" USING gin (welkom_search_text("description") public.gin_trgm_ops);
CREATE INDEX "Theme_name_search_idx" ON "Theme" USING gin (welkom_search_text("name") public.gin_trgm_ops);
CREATE INDEX "Theme_ambition_search_idx" ON "Theme" USING gin (welkom_search_text("ambition") public.gin_trgm_ops);
