-- CreateEnum
CREATE TYPE "LocationKind" AS ENUM ('AZC', 'EMERGENCY_RECEPTION', 'MUNICIPAL_TEMPORARY_RECEPTION', 'CRISIS_RECEPTION', 'DISPLACED_RECEPTION', 'CARE_LOCATION', 'AMV_RECEPTION', 'TRANSIT_HOUSING', 'FLEX_HOUSING', 'SHELTER');

-- CreateEnum
CREATE TYPE "LocationStatus" AS ENUM ('PLANNED', 'OPEN', 'CLOSED', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "QuotaKind" AS ENUM ('RECEPTION', 'RECEPTION_AMV', 'RECEPTION_DISPLACED', 'HOUSING', 'HOUSING_AMV');

-- CreateEnum
CREATE TYPE "IndicatorScope" AS ENUM ('MUNICIPAL', 'REGIONAL', 'NATIONAL', 'INTERNATIONAL');

-- CreateEnum
CREATE TYPE "FundingKind" AS ENUM ('NATIONAL_GRANT', 'EXTRA_MUNICIPAL_BUDGET', 'RECEPTION_SURPLUS', 'UNKNOWN');

-- CreateTable
CREATE TABLE "Location" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "LocationKind" NOT NULL,
    "status" "LocationStatus" NOT NULL DEFAULT 'UNKNOWN',
    "operator" TEXT,
    "address" TEXT,
    "opensOn" DATE,
    "closesOn" DATE,
    "closesText" TEXT,
    "replacedById" UUID,
    "partOfId" UUID,
    "targetGroupId" UUID,
    "sectionId" UUID,
    "sourceText" TEXT,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Location_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LocationAction" (
    "locationId" UUID NOT NULL,
    "actionId" UUID NOT NULL,

    CONSTRAINT "LocationAction_pkey" PRIMARY KEY ("locationId","actionId")
);

-- CreateTable
CREATE TABLE "LocationCapacity" (
    "id" UUID NOT NULL,
    "key" TEXT,
    "locationId" UUID NOT NULL,
    "validFrom" DATE,
    "validTo" DATE,
    "places" INTEGER NOT NULL,
    "referenceDate" DATE,
    "sourceText" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LocationCapacity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quota" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "QuotaKind" NOT NULL,
    "binding" BOOLEAN NOT NULL DEFAULT true,
    "legalBasis" TEXT,
    "periodStart" DATE,
    "periodEnd" DATE,
    "deadline" DATE,
    "target" INTEGER NOT NULL,
    "unit" TEXT NOT NULL,
    "carriedOverBacklog" INTEGER NOT NULL DEFAULT 0,
    "statedTotal" INTEGER,
    "partOfId" UUID,
    "targetGroupId" UUID,
    "sectionId" UUID,
    "sourceText" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Quota_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "scope" "IndicatorScope" NOT NULL DEFAULT 'MUNICIPAL',
    "target" DOUBLE PRECISION,
    "targetText" TEXT,
    "description" TEXT,
    "targetGroupId" UUID,
    "sectionId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measurement" (
    "id" UUID NOT NULL,
    "key" TEXT,
    "quotaId" UUID,
    "indicatorId" UUID,
    "date" DATE NOT NULL,
    "dateText" TEXT,
    "value" DOUBLE PRECISION NOT NULL,
    "valueMax" DOUBLE PRECISION,
    "qualifier" TEXT,
    "sourceText" TEXT,
    "comment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Measurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetLine" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "sectionId" UUID NOT NULL,
    "actionId" UUID,
    "sourceText" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BudgetLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetAmount" (
    "id" UUID NOT NULL,
    "budgetLineId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "funding" "FundingKind" NOT NULL DEFAULT 'UNKNOWN',
    "fundingSource" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BudgetAmount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetStatedTotal" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "sourceText" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BudgetStatedTotal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Location_code_key" ON "Location"("code");

-- CreateIndex
CREATE INDEX "Location_targetGroupId_idx" ON "Location"("targetGroupId");

-- CreateIndex
CREATE INDEX "Location_sectionId_idx" ON "Location"("sectionId");

-- CreateIndex
CREATE INDEX "Location_replacedById_idx" ON "Location"("replacedById");

-- CreateIndex
CREATE INDEX "Location_partOfId_idx" ON "Location"("partOfId");

-- CreateIndex
CREATE INDEX "LocationAction_actionId_idx" ON "LocationAction"("actionId");

-- CreateIndex
CREATE UNIQUE INDEX "LocationCapacity_key_key" ON "LocationCapacity"("key");

-- CreateIndex
CREATE INDEX "LocationCapacity_locationId_idx" ON "LocationCapacity"("locationId");

-- CreateIndex
CREATE UNIQUE INDEX "Quota_code_key" ON "Quota"("code");

-- CreateIndex
CREATE INDEX "Quota_sectionId_idx" ON "Quota"("sectionId");

-- CreateIndex
CREATE INDEX "Quota_targetGroupId_idx" ON "Quota"("targetGroupId");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_code_key" ON "Indicator"("code");

-- CreateIndex
CREATE INDEX "Indicator_sectionId_idx" ON "Indicator"("sectionId");

-- CreateIndex
CREATE INDEX "Indicator_targetGroupId_idx" ON "Indicator"("targetGroupId");

-- CreateIndex
CREATE UNIQUE INDEX "Measurement_key_key" ON "Measurement"("key");

-- CreateIndex
CREATE INDEX "Measurement_quotaId_date_idx" ON "Measurement"("quotaId", "date");

-- CreateIndex
CREATE INDEX "Measurement_indicatorId_date_idx" ON "Measurement"("indicatorId", "date");

-- CreateIndex
CREATE INDEX "BudgetLine_sectionId_idx" ON "BudgetLine"("sectionId");

-- CreateIndex
CREATE INDEX "BudgetLine_actionId_idx" ON "BudgetLine"("actionId");

-- CreateIndex
CREATE UNIQUE INDEX "BudgetLine_code_title_key" ON "BudgetLine"("code", "title");

-- CreateIndex
CREATE INDEX "BudgetAmount_year_idx" ON "BudgetAmount"("year");

-- CreateIndex
CREATE UNIQUE INDEX "BudgetAmount_budgetLineId_year_key" ON "BudgetAmount"("budgetLineId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "BudgetStatedTotal_year_key" ON "BudgetStatedTotal"("year");

-- AddForeignKey
ALTER TABLE "Location" ADD CONSTRAINT "Location_replacedById_fkey" FOREIGN KEY ("replacedById") REFERENCES "Location"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Location" ADD CONSTRAINT "Location_partOfId_fkey" FOREIGN KEY ("partOfId") REFERENCES "Location"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Location" ADD CONSTRAINT "Location_targetGroupId_fkey" FOREIGN KEY ("targetGroupId") REFERENCES "TargetGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Location" ADD CONSTRAINT "Location_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocationAction" ADD CONSTRAINT "LocationAction_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocationAction" ADD CONSTRAINT "LocationAction_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocationCapacity" ADD CONSTRAINT "LocationCapacity_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quota" ADD CONSTRAINT "Quota_partOfId_fkey" FOREIGN KEY ("partOfId") REFERENCES "Quota"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quota" ADD CONSTRAINT "Quota_targetGroupId_fkey" FOREIGN KEY ("targetGroupId") REFERENCES "TargetGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quota" ADD CONSTRAINT "Quota_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_targetGroupId_fkey" FOREIGN KEY ("targetGroupId") REFERENCES "TargetGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_quotaId_fkey" FOREIGN KEY ("quotaId") REFERENCES "Quota"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetAmount" ADD CONSTRAINT "BudgetAmount_budgetLineId_fkey" FOREIGN KEY ("budgetLineId") REFERENCES "BudgetLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;
