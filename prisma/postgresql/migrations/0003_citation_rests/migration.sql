-- AlterTable
ALTER TABLE "Corridor" ADD COLUMN     "descriptionRests" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Item" ADD COLUMN     "summaryRests" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Stage" ADD COLUMN     "reasonRests" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "figure" TEXT,
ADD COLUMN     "finding" TEXT NOT NULL DEFAULT 'context';
