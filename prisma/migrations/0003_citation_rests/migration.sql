-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Corridor" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameKo" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "descriptionRests" TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_Corridor" ("description", "id", "nameEn", "nameKo", "order", "slug") SELECT "description", "id", "nameEn", "nameKo", "order", "slug" FROM "Corridor";
DROP TABLE "Corridor";
ALTER TABLE "new_Corridor" RENAME TO "Corridor";
CREATE UNIQUE INDEX "Corridor_slug_key" ON "Corridor"("slug");
CREATE TABLE "new_Item" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameKo" TEXT NOT NULL,
    "corridorId" INTEGER NOT NULL,
    "precision" TEXT NOT NULL,
    "precisionNote" TEXT,
    "summary" TEXT NOT NULL,
    "summaryRests" TEXT NOT NULL DEFAULT '',
    "fromCountry" TEXT,
    "toCountry" TEXT,
    "country" TEXT,
    "countries" JSONB,
    "sea" BOOLEAN NOT NULL DEFAULT false,
    "whenDate" TEXT,
    "whenLabel" TEXT,
    "whenQuote" TEXT,
    "geometry" JSONB NOT NULL,
    "order" INTEGER NOT NULL,
    CONSTRAINT "Item_corridorId_fkey" FOREIGN KEY ("corridorId") REFERENCES "Corridor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Item" ("corridorId", "countries", "country", "fromCountry", "geometry", "id", "kind", "nameEn", "nameKo", "order", "precision", "precisionNote", "sea", "slug", "summary", "toCountry", "whenDate", "whenLabel", "whenQuote") SELECT "corridorId", "countries", "country", "fromCountry", "geometry", "id", "kind", "nameEn", "nameKo", "order", "precision", "precisionNote", "sea", "slug", "summary", "toCountry", "whenDate", "whenLabel", "whenQuote" FROM "Item";
DROP TABLE "Item";
ALTER TABLE "new_Item" RENAME TO "Item";
CREATE UNIQUE INDEX "Item_slug_key" ON "Item"("slug");
CREATE INDEX "Item_corridorId_idx" ON "Item"("corridorId");
CREATE TABLE "new_Stage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "itemId" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "nameEn" TEXT,
    "nameKo" TEXT,
    "level" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "reasonRests" TEXT NOT NULL DEFAULT '',
    "hazards" JSONB NOT NULL,
    "vertexFrom" INTEGER,
    "vertexTo" INTEGER,
    CONSTRAINT "Stage_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Stage" ("hazards", "id", "itemId", "level", "nameEn", "nameKo", "order", "reason", "slug", "vertexFrom", "vertexTo") SELECT "hazards", "id", "itemId", "level", "nameEn", "nameKo", "order", "reason", "slug", "vertexFrom", "vertexTo" FROM "Stage";
DROP TABLE "Stage";
ALTER TABLE "new_Stage" RENAME TO "Stage";
CREATE UNIQUE INDEX "Stage_itemId_slug_key" ON "Stage"("itemId", "slug");
CREATE TABLE "new_Annotation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "stageId" INTEGER NOT NULL,
    "order" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "finding" TEXT NOT NULL DEFAULT 'context',
    "figure" TEXT,
    "hazards" JSONB NOT NULL,
    CONSTRAINT "Annotation_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Annotation" ("hazards", "id", "order", "slug", "stageId", "text") SELECT "hazards", "id", "order", "slug", "stageId", "text" FROM "Annotation";
DROP TABLE "Annotation";
ALTER TABLE "new_Annotation" RENAME TO "Annotation";
CREATE UNIQUE INDEX "Annotation_slug_key" ON "Annotation"("slug");
CREATE INDEX "Annotation_stageId_idx" ON "Annotation"("stageId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
