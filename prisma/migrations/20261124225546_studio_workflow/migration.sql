-- AlterTable
ALTER TABLE "annotations" ADD COLUMN     "pendingState" "WorkflowState",
ADD COLUMN     "scheduledById" TEXT;

-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "duplicateOfId" TEXT,
ADD COLUMN     "pendingState" "WorkflowState",
ADD COLUMN     "scheduledById" TEXT,
ADD COLUMN     "simhash" BIGINT;

-- AlterTable
ALTER TABLE "dossiers" ADD COLUMN     "pendingState" "WorkflowState",
ADD COLUMN     "scheduledById" TEXT;

-- AlterTable
ALTER TABLE "entities" ADD COLUMN     "pendingState" "WorkflowState",
ADD COLUMN     "scheduledById" TEXT;

-- AlterTable
ALTER TABLE "relations" ADD COLUMN     "pendingState" "WorkflowState",
ADD COLUMN     "scheduledById" TEXT;

-- CreateIndex
CREATE INDEX "annotations_publishAt_idx" ON "annotations"("publishAt");

-- CreateIndex
CREATE INDEX "articles_publishAt_idx" ON "articles"("publishAt");

-- CreateIndex
CREATE INDEX "articles_updatedAt_idx" ON "articles"("updatedAt");

-- CreateIndex
CREATE INDEX "dossiers_publishAt_idx" ON "dossiers"("publishAt");

-- CreateIndex
CREATE INDEX "entities_publishAt_idx" ON "entities"("publishAt");

-- CreateIndex
CREATE INDEX "relations_publishAt_idx" ON "relations"("publishAt");
