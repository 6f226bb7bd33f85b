-- Trigram indexes for the text columns the generic search (`q`) reads on the progress entities
-- added with measurements, evidence files and closing a round (crud/search.test.ts asks for one
-- per searched column, so a search never scans).
CREATE INDEX "ProgressEvidenceFile_fileName_search_idx" ON "ProgressEvidenceFile" USING gin (welkom_search_text("fileName") public.gin_trgm_ops);
CREATE INDEX "ProgressEvidenceFile_contentType_search_idx" ON "ProgressEvidenceFile" USING gin (welkom_search_text("contentType") public.gin_trgm_ops);
CREATE INDEX "ProgressEvidenceFile_sha256_search_idx" ON "ProgressEvidenceFile" USING gin (welkom_search_text("sha256") public.gin_trgm_ops);
CREATE INDEX "ProgressEvidenceFile_uploadedBy_search_idx" ON "ProgressEvidenceFile" USING gin (welkom_search_text("uploadedBy") public.gin_trgm_ops);
CREATE INDEX "ProgressMeasurement_comment_search_idx" ON "ProgressMeasurement" USING gin (welkom_search_text("comment") public.gin_trgm_ops);
CREATE INDEX "ProgressRound_closedBy_search_idx" ON "ProgressRound" USING gin (welkom_search_text("closedBy") public.gin_trgm_ops);
