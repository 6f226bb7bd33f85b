-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('PLANNED', 'RUNNING', 'DONE', 'POSTPONED', 'REVISED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PartnerKind" AS ENUM ('NATIONAL_AGENCY', 'MUNICIPAL_DEPARTMENT', 'MUNICIPALITY', 'HOUSING_CORPORATION', 'EDUCATION', 'CARE', 'WELFARE', 'FOUNDATION', 'MIGRANT_ORGANISATION', 'EMPLOYER', 'SAFETY_JUSTICE', 'RESEARCH', 'SPORT', 'OTHER');

-- CreateEnum
CREATE TYPE "DataQualitySeverity" AS ENUM ('INFO', 'WARNING', 'ERROR');

-- CreateEnum
CREATE TYPE "DataQualityStatus" AS ENUM ('OPEN', 'RESOLVED', 'ACCEPTED');

-- CreateTable
CREATE TABLE "Theme" (
    "id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "ambition" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Theme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Section" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "background" TEXT,
    "currentState" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "themeId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Section_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Goal" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "subPoints" TEXT[],
    "sectionId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Goal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "letter" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "targetGroupsText" TEXT,
    "organisationsText" TEXT,
    "timingText" TEXT,
    "startDate" DATE,
    "endDate" DATE,
    "status" "ActionStatus" NOT NULL DEFAULT 'PLANNED',
    "owner" TEXT,
    "notes" TEXT,
    "goalId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Partner" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[],
    "kind" "PartnerKind" NOT NULL DEFAULT 'OTHER',
    "description" TEXT,
    "website" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TargetGroup" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[],
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TargetGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionPartner" (
    "actionId" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "role" TEXT,
    "sourceName" TEXT,

    CONSTRAINT "ActionPartner_pkey" PRIMARY KEY ("actionId","partnerId")
);

-- CreateTable
CREATE TABLE "ActionTargetGroup" (
    "actionId" UUID NOT NULL,
    "targetGroupId" UUID NOT NULL,

    CONSTRAINT "ActionTargetGroup_pkey" PRIMARY KEY ("actionId","targetGroupId")
);

-- CreateTable
CREATE TABLE "Precondition" (
    "id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "met" BOOLEAN NOT NULL DEFAULT false,
    "comment" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "actionId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Precondition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataQualityNote" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "sourceExcerpt" TEXT,
    "severity" "DataQualitySeverity" NOT NULL DEFAULT 'WARNING',
    "status" "DataQualityStatus" NOT NULL DEFAULT 'OPEN',
    "themeId" UUID,
    "sectionId" UUID,
    "goalId" UUID,
    "actionId" UUID,
    "partnerId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DataQualityNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Theme_number_key" ON "Theme"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Section_code_key" ON "Section"("code");

-- CreateIndex
CREATE INDEX "Section_themeId_idx" ON "Section"("themeId");

-- CreateIndex
CREATE UNIQUE INDEX "Goal_code_key" ON "Goal"("code");

-- CreateIndex
CREATE INDEX "Goal_sectionId_idx" ON "Goal"("sectionId");

-- CreateIndex
CREATE UNIQUE INDEX "Goal_sectionId_number_key" ON "Goal"("sectionId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Action_code_key" ON "Action"("code");

-- CreateIndex
CREATE INDEX "Action_goalId_idx" ON "Action"("goalId");

-- CreateIndex
CREATE INDEX "Action_status_idx" ON "Action"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Partner_name_key" ON "Partner"("name");

-- CreateIndex
CREATE UNIQUE INDEX "TargetGroup_name_key" ON "TargetGroup"("name");

-- CreateIndex
CREATE INDEX "ActionPartner_partnerId_idx" ON "ActionPartner"("partnerId");

-- CreateIndex
CREATE INDEX "ActionTargetGroup_targetGroupId_idx" ON "ActionTargetGroup"("targetGroupId");

-- CreateIndex
CREATE INDEX "Precondition_actionId_idx" ON "Precondition"("actionId");

-- CreateIndex
CREATE UNIQUE INDEX "Precondition_actionId_sortOrder_key" ON "Precondition"("actionId", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "DataQualityNote_key_key" ON "DataQualityNote"("key");

-- CreateIndex
CREATE INDEX "DataQualityNote_actionId_idx" ON "DataQualityNote"("actionId");

-- CreateIndex
CREATE INDEX "DataQualityNote_status_idx" ON "DataQualityNote"("status");

-- AddForeignKey
ALTER TABLE "Section" ADD CONSTRAINT "Section_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Goal" ADD CONSTRAINT "Goal_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionPartner" ADD CONSTRAINT "ActionPartner_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionPartner" ADD CONSTRAINT "ActionPartner_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionTargetGroup" ADD CONSTRAINT "ActionTargetGroup_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionTargetGroup" ADD CONSTRAINT "ActionTargetGroup_targetGroupId_fkey" FOREIGN KEY ("targetGroupId") REFERENCES "TargetGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Precondition" ADD CONSTRAINT "Precondition_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataQualityNote" ADD CONSTRAINT "DataQualityNote_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataQualityNote" ADD CONSTRAINT "DataQualityNote_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataQualityNote" ADD CONSTRAINT "DataQualityNote_goalId_fkey" FOREIGN KEY ("goalId") REFERENCES "Goal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataQualityNote" ADD CONSTRAINT "DataQualityNote_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataQualityNote" ADD CONSTRAINT "DataQualityNote_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;
