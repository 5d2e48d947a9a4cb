CREATE TABLE "runs" (
    "RunId" TEXT NOT NULL CONSTRAINT "PK_runs" PRIMARY KEY,
    "Incoming" TEXT NOT NULL,
    "Trigger" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "StartedAt" TEXT NOT NULL,
    "CompletedAt" TEXT NULL,
    "Pages" INTEGER NOT NULL,
    "Entities" INTEGER NOT NULL,
    "Error" TEXT NULL,
    "Since" TEXT NULL,
    "LatestChange" TEXT NULL,
    "ParentRunId" TEXT NULL,
    "Full" INTEGER NOT NULL
);


CREATE TABLE "ticks" (
    "Incoming" TEXT NOT NULL,
    "ScheduledAt" TEXT NOT NULL,
    "RunId" TEXT NOT NULL,
    "ClaimedAt" TEXT NOT NULL,
    CONSTRAINT "PK_ticks" PRIMARY KEY ("Incoming", "ScheduledAt")
);


CREATE TABLE "watermarks" (
    "Incoming" TEXT NOT NULL CONSTRAINT "PK_watermarks" PRIMARY KEY,
    "Value" TEXT NOT NULL,
    "RunId" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);


CREATE INDEX "IX_runs_Incoming_StartedAt" ON "runs" ("Incoming", "StartedAt");


