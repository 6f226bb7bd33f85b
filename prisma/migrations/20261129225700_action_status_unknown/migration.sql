-- AlterEnum: its own migration, because PostgreSQL lets a new enum value be used (the default
-- below) only after the transaction that added it commits.
ALTER TYPE "ActionStatus" ADD VALUE 'UNKNOWN';
