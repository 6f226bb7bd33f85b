-- CreateEnum
CREATE TYPE "KaartPublication" AS ENUM ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "KaartServiceStatus" AS ENUM ('ACTIVE', 'INACTIVE', 'DEFUNCT', 'TEMPORARILY_CLOSED');

-- CreateEnum
CREATE TYPE "KaartTextDirection" AS ENUM ('LTR', 'RTL');

-- CreateEnum
CREATE TYPE "KaartTranslationStatus" AS ENUM ('MISSING', 'DRAFT', 'NEEDS_REVIEW', 'VERIFIED');

-- CreateEnum
CREATE TYPE "KaartLocationType" AS ENUM ('PHYSICAL', 'POSTAL', 'VIRTUAL');

-- CreateTable
CREATE TABLE "KaartLanguage" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nativeName" TEXT NOT NULL,
    "direction" "KaartTextDirection" NOT NULL DEFAULT 'LTR',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KaartLanguage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KaartOrganization" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "alternateName" TEXT,
    "description" TEXT NOT NULL,
    "email" TEXT,
    "website" TEXT,
    "partnerId" UUID,
    "provenance" TEXT,
    "publication" "KaartPublication" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KaartOrganization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KaartService" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "alternateName" TEXT,
    "description" TEXT NOT NULL,
    "url" TEXT,
    "email" TEXT,
    "status" "KaartServiceStatus" NOT NULL DEFAULT 'ACTIVE',
    "interpretationServices" TEXT,
    "applicationProcess" TEXT,
    "free" BOOLEAN,
    "feesDescription" TEXT,
    "eligibilityDescription" TEXT,
    "minimumAge" INTEGER,
    "maximumAge" INTEGER,
    "provenance" TEXT,
    "internalNotes" TEXT,
    "publication" "KaartPublication" NOT NULL DEFAULT 'DRAFT',
    "owner" TEXT,
    "ownerPartnerId" UUID,
    "checkIntervalMonths" INTEGER NOT NULL DEFAULT 6,
    "lastCheckedAt" TIMESTAMP(3),
    "lastCheckedBy" TEXT,
    "checkDueAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KaartService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KaartServiceLanguage" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KaartServiceLanguage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KaartLocation" (
    "id" UUID NOT NULL,
    "organizationId" UUID,
    "locationType" "KaartLocationType" NOT NULL DEFAULT 'PHYSICAL',
    "name" TEXT NOT NULL,
    "description" TEXT,
    "transportation" TEXT,
    "address1" TEXT,
    "address2" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "stateProvince" TEXT,
    "country" TEXT NOT NULL DEFAULT 'NL',
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "accessibilityDescription" TEXT,
    "accessibilityDetails" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KaartLocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KaartServiceAtLocation" (
    "id" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KaartServiceAtLocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KaartContact" (
    "id" UUID NOT NULL,
    "organizationId" UUID,
    "serviceId" UUID,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "department" TEXT,
    "email" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KaartContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KaartPhone" (
    "id" UUID NOT NULL,
    "organizationId" UUID,
    "serviceId" UUID,
    "locationId" UUID,
    "contactId" UUID,
    "number" TEXT NOT NULL,
    "extension" INTEGER,
    "type" TEXT,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KaartPhone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KaartSchedule" (
    "id" UUID NOT NULL,
    "serviceId" UUID,
    "locationId" UUID,
    "serviceAtLocationId" UUID,
    "validFrom" DATE,
    "validTo" DATE,
    "dtstart" DATE,
    "freq" TEXT,
    "interval" INTEGER,
    "byday" TEXT,
    "bymonthday" TEXT,
    "until" DATE,
    "opensAt" TEXT,
    "closesAt" TEXT,
    "description" TEXT,
    "notes" TEXT,
    "attendingType" TEXT,
    "scheduleLink" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KaartSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KaartTaxonomy" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "uri" TEXT,
    "edition" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KaartTaxonomy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KaartTaxonomyTerm" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "taxonomyId" UUID NOT NULL,
    "parentId" UUID,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KaartTaxonomyTerm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KaartServiceTerm" (
    "serviceId" UUID NOT NULL,
    "termId" UUID NOT NULL,

    CONSTRAINT "KaartServiceTerm_pkey" PRIMARY KEY ("serviceId","termId")
);

-- CreateTable
CREATE TABLE "KaartServiceTargetGroup" (
    "serviceId" UUID NOT NULL,
    "targetGroupId" UUID NOT NULL,

    CONSTRAINT "KaartServiceTargetGroup_pkey" PRIMARY KEY ("serviceId","targetGroupId")
);

-- CreateTable
CREATE TABLE "KaartTranslation" (
    "id" UUID NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "text" TEXT,
    "status" "KaartTranslationStatus" NOT NULL DEFAULT 'MISSING',
    "sourceHash" TEXT,
    "translatedBy" TEXT,
    "translatedAt" TIMESTAMP(3),
    "reviewedBy" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KaartTranslation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "KaartLanguage_code_key" ON "KaartLanguage"("code");

-- CreateIndex
CREATE UNIQUE INDEX "KaartOrganization_name_key" ON "KaartOrganization"("name");

-- CreateIndex
CREATE INDEX "KaartOrganization_partnerId_idx" ON "KaartOrganization"("partnerId");

-- CreateIndex
CREATE INDEX "KaartService_publication_idx" ON "KaartService"("publication");

-- CreateIndex
CREATE INDEX "KaartService_checkDueAt_idx" ON "KaartService"("checkDueAt");

-- CreateIndex
CREATE INDEX "KaartService_ownerPartnerId_idx" ON "KaartService"("ownerPartnerId");

-- CreateIndex
CREATE UNIQUE INDEX "KaartService_organizationId_name_key" ON "KaartService"("organizationId", "name");

-- CreateIndex
CREATE INDEX "KaartServiceLanguage_code_idx" ON "KaartServiceLanguage"("code");

-- CreateIndex
CREATE UNIQUE INDEX "KaartServiceLanguage_serviceId_code_key" ON "KaartServiceLanguage"("serviceId", "code");

-- CreateIndex
CREATE INDEX "KaartLocation_organizationId_idx" ON "KaartLocation"("organizationId");

-- CreateIndex
CREATE INDEX "KaartServiceAtLocation_locationId_idx" ON "KaartServiceAtLocation"("locationId");

-- CreateIndex
CREATE UNIQUE INDEX "KaartServiceAtLocation_serviceId_locationId_key" ON "KaartServiceAtLocation"("serviceId", "locationId");

-- CreateIndex
CREATE INDEX "KaartContact_organizationId_idx" ON "KaartContact"("organizationId");

-- CreateIndex
CREATE INDEX "KaartContact_serviceId_idx" ON "KaartContact"("serviceId");

-- CreateIndex
CREATE INDEX "KaartPhone_serviceId_idx" ON "KaartPhone"("serviceId");

-- CreateIndex
CREATE INDEX "KaartPhone_organizationId_idx" ON "KaartPhone"("organizationId");

-- CreateIndex
CREATE INDEX "KaartPhone_locationId_idx" ON "KaartPhone"("locationId");

-- CreateIndex
CREATE INDEX "KaartPhone_contactId_idx" ON "KaartPhone"("contactId");

-- CreateIndex
CREATE INDEX "KaartSchedule_serviceId_idx" ON "KaartSchedule"("serviceId");

-- CreateIndex
CREATE INDEX "KaartSchedule_locationId_idx" ON "KaartSchedule"("locationId");

-- CreateIndex
CREATE INDEX "KaartSchedule_serviceAtLocationId_idx" ON "KaartSchedule"("serviceAtLocationId");

-- CreateIndex
CREATE UNIQUE INDEX "KaartTaxonomy_name_key" ON "KaartTaxonomy"("name");

-- CreateIndex
CREATE UNIQUE INDEX "KaartTaxonomyTerm_code_key" ON "KaartTaxonomyTerm"("code");

-- CreateIndex
CREATE INDEX "KaartTaxonomyTerm_taxonomyId_idx" ON "KaartTaxonomyTerm"("taxonomyId");

-- CreateIndex
CREATE INDEX "KaartTaxonomyTerm_parentId_idx" ON "KaartTaxonomyTerm"("parentId");

-- CreateIndex
CREATE INDEX "KaartServiceTerm_termId_idx" ON "KaartServiceTerm"("termId");

-- CreateIndex
CREATE INDEX "KaartServiceTargetGroup_targetGroupId_idx" ON "KaartServiceTargetGroup"("targetGroupId");

-- CreateIndex
CREATE INDEX "KaartTranslation_language_status_idx" ON "KaartTranslation"("language", "status");

-- CreateIndex
CREATE INDEX "KaartTranslation_entityId_idx" ON "KaartTranslation"("entityId");

-- CreateIndex
CREATE UNIQUE INDEX "KaartTranslation_entityType_entityId_field_language_key" ON "KaartTranslation"("entityType", "entityId", "field", "language");

-- AddForeignKey
ALTER TABLE "KaartOrganization" ADD CONSTRAINT "KaartOrganization_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KaartService" ADD CONSTRAINT "KaartService_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "KaartOrganization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KaartService" ADD CONSTRAINT "KaartService_ownerPartnerId_fkey" FOREIGN KEY ("ownerPartnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KaartServiceLanguage" ADD CONSTRAINT "KaartServiceLanguage_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "KaartService"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KaartLocation" ADD CONSTRAINT "KaartLocation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "KaartOrganization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KaartServiceAtLocation" ADD CONSTRAINT "KaartServiceAtLocation_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "KaartService"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KaartServiceAtLocation" ADD CONSTRAINT "KaartServiceAtLocation_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "KaartLocation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KaartContact" ADD CONSTRAINT "KaartContact_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "KaartOrganization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KaartContact" ADD CONSTRAINT "KaartContact_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "KaartService"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KaartPhone" ADD CONSTRAINT "KaartPhone_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "KaartOrganization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KaartPhone" ADD CONSTRAINT "KaartPhone_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "KaartService"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KaartPhone" ADD CONSTRAINT "KaartPhone_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "KaartLocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KaartPhone" ADD CONSTRAINT "KaartPhone_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "KaartContact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KaartSchedule" ADD CONSTRAINT "KaartSchedule_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "KaartService"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KaartSchedule" ADD CONSTRAINT "KaartSchedule_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "KaartLocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KaartSchedule" ADD CONSTRAINT "KaartSchedule_serviceAtLocationId_fkey" FOREIGN KEY ("serviceAtLocationId") REFERENCES "KaartServiceAtLocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KaartTaxonomyTerm" ADD CONSTRAINT "KaartTaxonomyTerm_taxonomyId_fkey" FOREIGN KEY ("taxonomyId") REFERENCES "KaartTaxonomy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KaartTaxonomyTerm" ADD CONSTRAINT "KaartTaxonomyTerm_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "KaartTaxonomyTerm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KaartServiceTerm" ADD CONSTRAINT "KaartServiceTerm_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "KaartService"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KaartServiceTerm" ADD CONSTRAINT "KaartServiceTerm_termId_fkey" FOREIGN KEY ("termId") REFERENCES "KaartTaxonomyTerm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KaartServiceTargetGroup" ADD CONSTRAINT "KaartServiceTargetGroup_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "KaartService"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KaartServiceTargetGroup" ADD CONSTRAINT "KaartServiceTargetGroup_targetGroupId_fkey" FOREIGN KEY ("targetGroupId") REFERENCES "TargetGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
