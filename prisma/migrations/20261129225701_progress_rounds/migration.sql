-- CreateEnum
CREATE TYPE "ProgressAssessment" AS ENUM ('ON_TRACK', 'AT_RISK', 'BEHIND');

-- CreateEnum
CREATE TYPE "ProgressRoundState" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "ProgressUpdateState" AS ENUM ('REQUESTED', 'DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "BudgetRealisationKind" AS ENUM ('COMMITTED', 'SPENT');

-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "assessment" "ProgressAssessment",
ADD COLUMN     "ownerId" UUID,
ADD COLUMN     "statusSource" TEXT,
ALTER COLUMN "status" SET DEFAULT 'UNKNOWN';

-- CreateTable
CREATE TABLE "ProgressRound" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "state" "ProgressRoundState" NOT NULL DEFAULT 'OPEN',
    "openedBy" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgressRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressUpdate" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "actionId" UUID NOT NULL,
    "addresseeUserId" UUID,
    "addresseePartnerId" UUID,
    "state" "ProgressUpdateState" NOT NULL DEFAULT 'REQUESTED',
    "statusBefore" "ActionStatus" NOT NULL,
    "assessmentBefore" "ProgressAssessment",
    "status" "ActionStatus",
    "assessment" "ProgressAssessment",
    "happened" TEXT,
    "nextSteps" TEXT,
    "risks" TEXT,
    "percentComplete" INTEGER,
    "milestones" TEXT[],
    "evidenceLinks" TEXT[],
    "reviewComment" TEXT,
    "submittedAt" TIMESTAMP(3),
    "submittedBy" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "acceptedBy" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgressUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetRealisation" (
    "id" UUID NOT NULL,
    "budgetLineId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" "BudgetRealisationKind" NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "on" DATE NOT NULL,
    "source" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BudgetRealisation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProgressRound_title_key" ON "ProgressRound"("title");

-- CreateIndex
CREATE INDEX "ProgressRound_dueOn_idx" ON "ProgressRound"("dueOn");

-- CreateIndex
CREATE INDEX "ProgressUpdate_actionId_idx" ON "ProgressUpdate"("actionId");

-- CreateIndex
CREATE INDEX "ProgressUpdate_addresseeUserId_idx" ON "ProgressUpdate"("addresseeUserId");

-- CreateIndex
CREATE INDEX "ProgressUpdate_addresseePartnerId_idx" ON "ProgressUpdate"("addresseePartnerId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressUpdate_roundId_actionId_key" ON "ProgressUpdate"("roundId", "actionId");

-- CreateIndex
CREATE INDEX "BudgetRealisation_budgetLineId_year_idx" ON "BudgetRealisation"("budgetLineId", "year");

-- CreateIndex
CREATE INDEX "Action_ownerId_idx" ON "Action"("ownerId");

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ProgressRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_addresseeUserId_fkey" FOREIGN KEY ("addresseeUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_addresseePartnerId_fkey" FOREIGN KEY ("addresseePartnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetRealisation" ADD CONSTRAINT "BudgetRealisation_budgetLineId_fkey" FOREIGN KEY ("budgetLineId") REFERENCES "BudgetLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Search (q): a trigram index on the accent-free text of every searched column.
CREATE INDEX "Action_statusSource_search_idx" ON "Action" USING gin (welkom_search_text("statusSource") public.gin_trgm_ops);
CREATE INDEX "BudgetRealisation_source_search_idx" ON "BudgetRealisation" USING gin (welkom_search_text("source") public.gin_trgm_ops);
CREATE INDEX "ProgressRound_title_search_idx" ON "ProgressRound" USING gin (welkom_search_text("title") public.gin_trgm_ops);
CREATE INDEX "ProgressRound_openedBy_search_idx" ON "ProgressRound" USING gin (welkom_search_text("openedBy") public.gin_trgm_ops);
CREATE INDEX "ProgressUpdate_happened_search_idx" ON "ProgressUpdate" USING gin (welkom_search_text("happened") public.gin_trgm_ops);
CREATE INDEX "ProgressUpdate_nextSteps_search_idx" ON "ProgressUpdate" USING gin (welkom_search_text("nextSteps") public.gin_trgm_ops);
CREATE INDEX "ProgressUpdate_risks_search_idx" ON "ProgressUpdate" USING gin (welkom_search_text("risks") public.gin_trgm_ops);
CREATE INDEX "ProgressUpdate_milestones_search_idx" ON "ProgressUpdate" USING gin (welkom_search_text("milestones") public.gin_trgm_ops);
CREATE INDEX "ProgressUpdate_evidenceLinks_search_idx" ON "ProgressUpdate" USING gin (welkom_search_text("evidenceLinks") public.gin_trgm_ops);
CREATE INDEX "ProgressUpdate_reviewComment_search_idx" ON "ProgressUpdate" USING gin (welkom_search_text("reviewComment") public.gin_trgm_ops);
CREATE INDEX "ProgressUpdate_submittedBy_search_idx" ON "ProgressUpdate" USING gin (welkom_search_text("submittedBy") public.gin_trgm_ops);
CREATE INDEX "ProgressUpdate_acceptedBy_search_idx" ON "ProgressUpdate" USING gin (welkom_search_text("acceptedBy") public.gin_trgm_ops);
