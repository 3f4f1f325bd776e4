-- CreateTable
CREATE TABLE "Source" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT,
    "author" TEXT,
    "date" TEXT,
    "url" TEXT,
    "partOfId" INTEGER,
    "document" TEXT NOT NULL,
    "note" TEXT,
    "order" INTEGER NOT NULL,
    CONSTRAINT "Source_partOfId_fkey" FOREIGN KEY ("partOfId") REFERENCES "Source" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Corridor" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameKo" TEXT NOT NULL,
    "description" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Item" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameKo" TEXT NOT NULL,
    "corridorId" INTEGER NOT NULL,
    "precision" TEXT NOT NULL,
    "precisionNote" TEXT,
    "summary" TEXT NOT NULL,
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

-- CreateTable
CREATE TABLE "Stage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "itemId" INTEGER NOT NULL,
    "slug" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "nameEn" TEXT,
    "nameKo" TEXT,
    "level" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "hazards" JSONB NOT NULL,
    "vertexFrom" INTEGER,
    "vertexTo" INTEGER,
    CONSTRAINT "Stage_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Annotation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "stageId" INTEGER NOT NULL,
    "order" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "hazards" JSONB NOT NULL,
    CONSTRAINT "Annotation_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Citation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "annotationId" INTEGER NOT NULL,
    "order" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    CONSTRAINT "Citation_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Place" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameKo" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "lon" REAL NOT NULL,
    "lat" REAL NOT NULL,
    "rank" INTEGER NOT NULL,
    "order" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "AtlasMeta" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ShortView" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "state" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_slug_key" ON "Source"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Corridor_slug_key" ON "Corridor"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Item_slug_key" ON "Item"("slug");

-- CreateIndex
CREATE INDEX "Item_corridorId_idx" ON "Item"("corridorId");

-- CreateIndex
CREATE UNIQUE INDEX "Stage_itemId_slug_key" ON "Stage"("itemId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "Annotation_slug_key" ON "Annotation"("slug");

-- CreateIndex
CREATE INDEX "Annotation_stageId_idx" ON "Annotation"("stageId");

-- CreateIndex
CREATE INDEX "Citation_sourceId_idx" ON "Citation"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "Citation_annotationId_order_key" ON "Citation"("annotationId", "order");

-- CreateIndex
CREATE UNIQUE INDEX "Place_slug_key" ON "Place"("slug");
