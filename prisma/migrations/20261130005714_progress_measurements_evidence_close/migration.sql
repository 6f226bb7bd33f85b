-- AlterEnum
ALTER TYPE "ProgressUpdateState" ADD VALUE 'MISSING';

-- AlterTable
ALTER TABLE "ProgressRound" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "closedBy" TEXT;

-- CreateTable
CREATE TABLE "ProgressMeasurement" (
    "id" UUID NOT NULL,
    "updateId" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "comment" TEXT,
    "measurementId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgressMeasurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressEvidenceFile" (
    "id" UUID NOT NULL,
    "updateId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgressEvidenceFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressEvidenceChunk" (
    "documentId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "ProgressEvidenceChunk_pkey" PRIMARY KEY ("documentId","seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProgressMeasurement_measurementId_key" ON "ProgressMeasurement"("measurementId");

-- CreateIndex
CREATE INDEX "ProgressMeasurement_indicatorId_idx" ON "ProgressMeasurement"("indicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressMeasurement_updateId_indicatorId_date_key" ON "ProgressMeasurement"("updateId", "indicatorId", "date");

-- CreateIndex
CREATE INDEX "ProgressEvidenceFile_updateId_idx" ON "ProgressEvidenceFile"("updateId");

-- AddForeignKey
ALTER TABLE "ProgressMeasurement" ADD CONSTRAINT "ProgressMeasurement_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "ProgressUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressMeasurement" ADD CONSTRAINT "ProgressMeasurement_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEvidenceFile" ADD CONSTRAINT "ProgressEvidenceFile_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "ProgressUpdate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressEvidenceChunk" ADD CONSTRAINT "ProgressEvidenceChunk_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "ProgressEvidenceFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Trigram indexes for the columns the generic search (q) reads, as for every other entity.
CREATE INDEX "ProgressRound_closedBy_search_idx" ON "ProgressRound" USING gin (welkom_search_text("closedBy") public.gin_trgm_ops);
CREATE INDEX "ProgressMeasurement_comment_search_idx" ON "ProgressMeasurement" USING gin (welkom_search_text("comment") public.gin_trgm_ops);
CREATE INDEX "ProgressEvidenceFile_fileName_search_idx" ON "ProgressEvidenceFile" USING gin (welkom_search_text("fileName") public.gin_trgm_ops);
CREATE INDEX "ProgressEvidenceFile_contentType_search_idx" ON "ProgressEvidenceFile" USING gin (welkom_search_text("contentType") public.gin_trgm_ops);
CREATE INDEX "ProgressEvidenceFile_sha256_search_idx" ON "ProgressEvidenceFile" USING gin (welkom_search_text("sha256") public.gin_trgm_ops);
CREATE INDEX "ProgressEvidenceFile_uploadedBy_search_idx" ON "ProgressEvidenceFile" USING gin (welkom_search_text("uploadedBy") public.gin_trgm_ops);
