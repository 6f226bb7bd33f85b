-- CreateEnum
CREATE TYPE "SubsidyApplicationState" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'INFORMATION_REQUESTED', 'GRANTED', 'REJECTED', 'WITHDRAWN', 'ADVANCE_PAID', 'ACCOUNTABILITY_SUBMITTED', 'FINAL_AMOUNT_SET', 'CLOSED');

-- CreateEnum
CREATE TYPE "SubsidyPaymentKind" AS ENUM ('ADVANCE', 'SETTLEMENT', 'RECLAIM');

-- CreateEnum
CREATE TYPE "SubsidyDocumentKind" AS ENUM ('APPLICATION', 'BUDGET', 'INFORMATION', 'ACCOUNTABILITY', 'OTHER');

-- CreateTable
CREATE TABLE "SubsidyScheme" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "description" TEXT,
    "ceilingCents" INTEGER,
    "maxPerApplicationCents" INTEGER,
    "fourEyesThresholdCents" INTEGER,
    "opensOn" DATE,
    "closesOn" DATE,
    "decisionTermWeeks" INTEGER NOT NULL DEFAULT 8,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubsidyScheme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubsidyApplication" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL DEFAULT ('SUB-' || upper(substr(md5(random()::text), 1, 8))),
    "schemeId" UUID NOT NULL,
    "applicantId" UUID NOT NULL,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "activity" TEXT NOT NULL,
    "description" TEXT,
    "plannedStartOn" DATE,
    "plannedEndOn" DATE,
    "state" "SubsidyApplicationState" NOT NULL DEFAULT 'DRAFT',
    "assignedToId" UUID,
    "requestedCents" INTEGER NOT NULL DEFAULT 0,
    "proposedCents" INTEGER,
    "proposedById" UUID,
    "grantedCents" INTEGER,
    "advancePaidCents" INTEGER,
    "finalCents" INTEGER,
    "reclaimCents" INTEGER,
    "receivedOn" DATE,
    "decisionTermWeeks" INTEGER,
    "pausedDays" INTEGER NOT NULL DEFAULT 0,
    "pausedSince" DATE,
    "decisionDueOn" DATE,
    "decidedOn" DATE,
    "decisionGrounds" TEXT,
    "accountabilityOn" DATE,
    "actualCostsCents" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubsidyApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubsidyBudgetLine" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SubsidyBudgetLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubsidyTransition" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "operation" TEXT NOT NULL,
    "fromState" "SubsidyApplicationState",
    "toState" "SubsidyApplicationState" NOT NULL,
    "amountCents" INTEGER,
    "reason" TEXT NOT NULL,
    "actorLabel" TEXT,
    "actorId" UUID,
    "idempotencyKey" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seq" SERIAL NOT NULL,

    CONSTRAINT "SubsidyTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubsidyPayment" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "kind" "SubsidyPaymentKind" NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "paidOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubsidyPayment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubsidyDocument" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "kind" "SubsidyDocumentKind" NOT NULL DEFAULT 'OTHER',
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubsidyDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SubsidyScheme_name_key" ON "SubsidyScheme"("name");

-- CreateIndex
CREATE UNIQUE INDEX "SubsidyApplication_reference_key" ON "SubsidyApplication"("reference");

-- CreateIndex
CREATE INDEX "SubsidyApplication_schemeId_state_idx" ON "SubsidyApplication"("schemeId", "state");

-- CreateIndex
CREATE INDEX "SubsidyApplication_applicantId_idx" ON "SubsidyApplication"("applicantId");

-- CreateIndex
CREATE INDEX "SubsidyApplication_assignedToId_idx" ON "SubsidyApplication"("assignedToId");

-- CreateIndex
CREATE INDEX "SubsidyApplication_decisionDueOn_idx" ON "SubsidyApplication"("decisionDueOn");

-- CreateIndex
CREATE UNIQUE INDEX "SubsidyBudgetLine_applicationId_sortOrder_key" ON "SubsidyBudgetLine"("applicationId", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "SubsidyTransition_idempotencyKey_key" ON "SubsidyTransition"("idempotencyKey");

-- CreateIndex
CREATE INDEX "SubsidyTransition_applicationId_seq_idx" ON "SubsidyTransition"("applicationId", "seq");

-- CreateIndex
CREATE INDEX "SubsidyPayment_applicationId_idx" ON "SubsidyPayment"("applicationId");

-- CreateIndex
CREATE INDEX "SubsidyDocument_applicationId_idx" ON "SubsidyDocument"("applicationId");

-- AddForeignKey
ALTER TABLE "SubsidyApplication" ADD CONSTRAINT "SubsidyApplication_schemeId_fkey" FOREIGN KEY ("schemeId") REFERENCES "SubsidyScheme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubsidyApplication" ADD CONSTRAINT "SubsidyApplication_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubsidyApplication" ADD CONSTRAINT "SubsidyApplication_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubsidyBudgetLine" ADD CONSTRAINT "SubsidyBudgetLine_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SubsidyApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubsidyTransition" ADD CONSTRAINT "SubsidyTransition_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SubsidyApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubsidyPayment" ADD CONSTRAINT "SubsidyPayment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SubsidyApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubsidyDocument" ADD CONSTRAINT "SubsidyDocument_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "SubsidyApplication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
